// Calls slemu's own SoftLayer REST API from the browser, as a portal would call SoftLayer's.
'use strict';

class SoftLayerError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

async function softLayerCall(service, method, parameters, options = {}) {
  const path = [service, options.id, `${method}.json`].filter((part) => part !== undefined);
  const headers = { 'content-type': 'application/json' };
  if (options.auth)
    headers.authorization = `Basic ${btoa(`${options.auth.user}:${options.auth.secret}`)}`;

  let response;
  try {
    response = await fetch(`/rest/v3.1/${path.join('/')}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ parameters }),
    });
  } catch {
    throw new SoftLayerError('network', 'slemu could not be reached. Is it still running?');
  }
  const body = await response.json();
  if (!response.ok) throw new SoftLayerError(body.code, body.error);
  return body;
}

// SoftLayer's errors, said plainly. The raw code and message stay visible for developers.
function plainWords(error) {
  const message = error.message || '';
  const policy = /^Your portal password must (.*)\.$/.exec(message);
  if (policy) {
    const rules = policy[1].split(/, (?=be |contain |not )/);
    return { text: 'That password is not allowed. It must:', list: rules };
  }
  const byMessage = {
    'Invalid password recovery key':
      'This reset link no longer works: it was used already, a newer email replaced it, or it ' +
      'expired. Ask for a new reset email.',
    'Invalid login credentials provided.': 'The username or the password is wrong.',
    'Too many password reset requests for this username. Please try again later.':
      'Too many reset emails were asked for this user in the last hour. Try again later.',
    'Invalid answer provided for security question.':
      'This user must also answer a security question. Choose it and give the answer.',
    'Your request cannot be processed. Please contact support':
      'This user cannot reset a password now (the account is not active). Contact support.',
    'You must have security questions set on your account before changing your password':
      'This user has no security questions yet, so the password cannot be reset this way.',
  };
  const byCode = {
    SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer:
      'That answer does not match the one on file. Check it and try again.',
    SoftLayer_Exception_User_Customer_AccountLocked:
      'Too many failed attempts: this user is locked for a while. Try again later.',
    SoftLayer_Exception_User_Customer_External_Binding_AwaitingResponse:
      'Waiting for you to approve the request on your phone…',
    SoftLayer_Exception_User_Customer_External_Binding_AuthenticationFailed:
      'The second factor was refused. Check the code (or the phone request) and try again.',
    SoftLayer_Exception_User_Customer_External_Binding_TotpAuthenticationRequired:
      'Enter the code from your authenticator app.',
    SoftLayer_Exception_User_Customer_External_Binding_SecurityCodeRequired:
      'Enter the codes from your VeriSign token.',
    SoftLayer_Exception_User_Customer_External_Binding_PhoneAuthenticationRequired:
      'Approve the request on your phone.',
    network: message,
  };
  const text = byMessage[message] || byCode[error.code] || `SoftLayer said: ${message}`;
  return { text, list: [] };
}

function showError(element, error) {
  const { text, list } = plainWords(error);
  element.replaceChildren();
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  element.append(paragraph);
  if (list.length > 0) {
    const items = document.createElement('ul');
    for (const rule of list) {
      const item = document.createElement('li');
      item.textContent = rule;
      items.append(item);
    }
    element.append(items);
  }
  if (error.code && error.code !== 'network') {
    const raw = document.createElement('p');
    raw.className = 'raw';
    raw.textContent = `${error.code}: ${error.message}`;
    element.append(raw);
  }
  element.hidden = false;
}
