'use strict';

const SERVICE = 'SoftLayer_User_Customer';
const $ = (id) => document.getElementById(id);

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('login-status');
  status.className = 'status';
  status.textContent = 'Logging in…';
  $('welcome').hidden = true;

  const args = [$('username').value.trim(), $('password').value];
  if (!$('question-group').hidden) args.push(Number($('question').value), $('answer').value);

  try {
    const token = await softLayerCall(SERVICE, 'getPortalLoginToken', args);
    // softlayer-go's way of sending a portal token over REST: Basic userId:hash.
    const user = await softLayerCall(SERVICE, 'getObject', [], {
      id: token.userId,
      auth: { user: token.userId, secret: token.hash },
    });
    status.textContent = '';
    $('welcome').textContent =
      `Logged in as ${user.username} (user ${user.id}). The password works: ` +
      'getPortalLoginToken gave a token and getObject accepted it.';
    $('welcome').hidden = false;
  } catch (error) {
    if (error.message === 'Invalid answer provided for security question.') {
      $('question-group').hidden = false;
    }
    status.className = 'status error';
    showError(status, error);
  }
});
