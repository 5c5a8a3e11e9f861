'use strict';

// The landing page of the reset email: every step goes through slemu's SoftLayer API, as a
// portal would. authenticationMethods codes: 1 question, 2 VeriSign, 3 TOTP, 4 phone.
const SERVICE = 'SoftLayer_User_Customer';
const METHOD = { question: 1, verisign: 2, totp: 3, phone: 4 };
const BINDING = 'SoftLayer_Container_User_Customer_External_Binding';
const $ = (id) => document.getElementById(id);

const key = new URLSearchParams(location.search).get('key');
let userId;
let requirements;

function ruleChecks(req) {
  const specials = req.specialCharactersAllowed || '';
  const count = (password, test) => [...password].filter(test).length;
  const min = req.minimumPasswordLengthRequirement;
  const max = req.maximumPasswordLengthRequirement;
  return [
    {
      text: `${min} to ${max} characters`,
      ok: (p) => [...p].length >= min && [...p].length <= max,
    },
    {
      text: `at least ${req.uppercaseCountRequirement} uppercase letter`,
      ok: (p) => count(p, (c) => /[A-Z]/.test(c)) >= req.uppercaseCountRequirement,
    },
    {
      text: `at least ${req.lowercaseCountRequirement} lowercase letter`,
      ok: (p) => count(p, (c) => /[a-z]/.test(c)) >= req.lowercaseCountRequirement,
    },
    {
      text: `at least ${req.digitCountRequirement} digit`,
      ok: (p) => count(p, (c) => /[0-9]/.test(c)) >= req.digitCountRequirement,
    },
    {
      text: `at least ${req.specialCharacterCountRequirement} of ${specials}`,
      ok: (p) => count(p, (c) => specials.includes(c)) >= req.specialCharacterCountRequirement,
    },
  ];
}

function renderRules() {
  const password = $('password').value;
  const items = ruleChecks(requirements).map((rule) => {
    const item = document.createElement('li');
    const met = rule.ok(password);
    item.className = met ? 'met' : 'unmet';
    item.textContent = `${met ? '✓' : '✗'} ${rule.text}`;
    return item;
  });
  const confirm = document.createElement('li');
  const same = password !== '' && password === $('confirm').value;
  confirm.className = same ? 'met' : 'unmet';
  confirm.textContent = `${same ? '✓' : '✗'} both entries match`;
  $('rules').replaceChildren(...items, confirm);
}

function showAuthentication(methods) {
  if (methods.includes(METHOD.question)) {
    $('question-group').hidden = false;
    for (const question of requirements.securityQuestions || []) {
      $('question').append(new Option(question.question, question.id));
    }
  }
  $('verisign-group').hidden = !methods.includes(METHOD.verisign);
  $('totp-group').hidden = !methods.includes(METHOD.totp);
  $('phone-group').hidden = !methods.includes(METHOD.phone);
}

function passwordSet() {
  const container = { key, password: $('password').value };
  if (!$('question-group').hidden) {
    container.answeredSecurityQuestionId = Number($('question').value);
    container.securityAnswer = $('answer').value;
  }
  return container;
}

function authenticationContainer() {
  if (!$('totp-group').hidden) {
    return { complexType: `${BINDING}_Totp`, securityCode: $('totp-code').value.trim() };
  }
  if (!$('verisign-group').hidden) {
    return {
      complexType: `${BINDING}_Verisign`,
      securityCode: $('verisign-code').value.trim(),
      secondSecurityCode: $('verisign-code-2').value.trim(),
    };
  }
  return {};
}

// processPasswordSetRequest rings the phone and answers "phone authentication required";
// checkPhoneFactorAuthenticationForPasswordSet then answers "awaiting response" until the phone
// approves (and sets the password) or denies.
async function waitForPhone() {
  const status = $('phone-status');
  status.textContent = 'Approve the request on your phone…';
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      await softLayerCall(
        SERVICE,
        'checkPhoneFactorAuthenticationForPasswordSet',
        [passwordSet(), authenticationContainer()],
        { id: userId },
      );
      status.textContent = 'Your phone approved the change.';
      return;
    } catch (error) {
      if (!/AwaitingResponse$/.test(error.code || '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  throw new SoftLayerError('timeout', 'Your phone did not answer in a minute. Try again.');
}

async function setPassword() {
  try {
    await softLayerCall(
      SERVICE,
      'processPasswordSetRequest',
      [passwordSet(), authenticationContainer()],
      { id: userId },
    );
  } catch (error) {
    if (!/PhoneAuthenticationRequired$/.test(error.code || '')) throw error;
    await waitForPhone();
  }
}

async function submit(event) {
  event.preventDefault();
  const problem = $('problem');
  problem.hidden = true;
  $('set-status').textContent = 'Setting the password…';

  if ($('password').value !== $('confirm').value) {
    $('set-status').textContent = '';
    showError(problem, new SoftLayerError('', 'The two password entries differ.'));
    return;
  }
  try {
    await setPassword();
    $('set-form').hidden = true;
    $('done').hidden = false;
  } catch (error) {
    showError(problem, error);
  } finally {
    $('set-status').textContent = '';
  }
}

async function start() {
  try {
    if (!key) throw new SoftLayerError('', 'Invalid password recovery key');
    userId = await softLayerCall(SERVICE, 'getUserIdForPasswordSet', [key]);
    requirements = await softLayerCall(SERVICE, 'getRequirementsForPasswordSet', [{ key }], {
      id: userId,
    });
    showAuthentication(requirements.authenticationMethods || []);
    renderRules();
    $('set-form').hidden = false;
  } catch (error) {
    showError($('problem'), error);
  } finally {
    $('loading').hidden = true;
  }
}

$('password').addEventListener('input', renderRules);
$('confirm').addEventListener('input', renderRules);
$('set-form').addEventListener('submit', submit);
void start();
