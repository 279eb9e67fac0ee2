// Login for a dashboard that is not bound to loopback: its reads need the access token, which the
// page exchanges once for an HttpOnly session cookie (POST api/v1/session). The page never keeps
// the token; opening /?token=<token> does the same without the prompt.
import { apiUrl, getJson } from './api.js';
import { byId } from './dom.js';

/** Resolves to true when the page may load data: reads are open, or this browser is logged in. */
export async function sessionReady() {
  try {
    const session = await getJson('api/v1/session');
    return !session.required || Boolean(session.authenticated);
  } catch (error) {
    // the server did not answer: let the normal loading report the failure
    return true;
  }
}

let wired = false;

/** Hides the dashboard and shows the token prompt; a successful login reloads the page. */
export function showLogin(reason) {
  const status = byId('login-status');
  const input = byId('login-token');
  byId('login').hidden = false;
  document.querySelector('main').hidden = true;
  document.documentElement.dataset.login = 'required';
  if (reason) status.textContent = reason;
  if (!wired) {
    wired = true;
    byId('login-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      status.textContent = 'Checking the token…';
      try {
        const response = await fetch(apiUrl('api/v1/session'), {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify({ token }),
        });
        input.value = '';
        if (response.ok) {
          location.reload();
          return;
        }
        status.textContent =
          response.status === 401 ? 'The access token was not accepted.' : 'Login failed: HTTP ' + response.status;
      } catch (error) {
        status.textContent = 'Login failed: ' + (error && error.message ? error.message : String(error));
      }
    });
  }
  input.focus();
}
