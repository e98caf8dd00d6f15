// Logs in to the Camunda webapps, as their own login page does, so the dashboard and Cockpit or
// Tasklist share one login; then opens the dashboard.
(function () {
  'use strict';

  const form = document.getElementById('login-form');
  const problem = document.getElementById('login-problem');

  function show(text) {
    problem.textContent = text;
    problem.hidden = false;
  }

  function cookie(name) {
    const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return found ? found.substring(name.length + 1) : '';
  }

  // The webapps' login wants the CSRF token of the session, which they hand out in a header once,
  // with the first page of a session (and in a cookie): kept for a second try after a typing error.
  let token = '';

  async function csrfToken() {
    if (!token) {
      const page = await fetch('/camunda/app/welcome/default/', { credentials: 'same-origin' });
      token = page.headers.get('X-XSRF-TOKEN') || cookie('XSRF-TOKEN');
    }
    return token;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hidden = true;
    try {
      const answer = await fetch('/camunda/api/admin/auth/user/default/login/welcome', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-XSRF-TOKEN': await csrfToken(),
        },
        body: new URLSearchParams({ username: form.username.value, password: form.password.value }),
      });
      if (answer.ok) {
        window.location.replace('/dashboard');
      } else if (answer.status === 403) {
        token = '';
        show('The login was refused (HTTP 403): reload this page and try again, or log in on the Welcome page.');
      } else if (answer.status === 429) {
        show('Too many failed logins: wait a while, then try again.');
      } else {
        show('The user name or the password is wrong (HTTP ' + answer.status + ').');
      }
    } catch (e) {
      show('The login did not go through: ' + e.message);
    }
  });
})();
