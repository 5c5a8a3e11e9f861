'use strict';

// Live updates: reload when the newest email changes (new mail, or a cleared outbox).
const list = document.getElementById('messages');
const newestShown = Number(list.dataset.newest || 0);

setInterval(async () => {
  try {
    const response = await fetch('/_slemu/outbox', { cache: 'no-store' });
    const { messages } = await response.json();
    const newest = messages.length > 0 ? messages[0].id : 0;
    if (newest !== newestShown) location.reload();
  } catch {
    // slemu restarting: try again on the next tick.
  }
}, 2000);
