'use strict';

document.getElementById('forgot-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = document.getElementById('forgot-status');
  const username = document.getElementById('forgot-username').value.trim();
  status.className = 'status';
  if (!username) {
    status.textContent = 'Type the username first.';
    return;
  }
  try {
    await softLayerCall('SoftLayer_User_Customer', 'initiatePortalPasswordChange', [username]);
    status.replaceChildren(
      `If ${username} exists, a reset email is on its way. `,
      Object.assign(document.createElement('a'), {
        href: '/outbox',
        textContent: 'Open the outbox',
      }),
    );
  } catch (error) {
    status.className = 'status error';
    showError(status, error);
  }
});
