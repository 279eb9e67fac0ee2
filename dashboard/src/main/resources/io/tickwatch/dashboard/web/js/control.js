// Control actions (ack, silence, start profiling, shed load) and the access-token dialog. Every
// action is a POST with a JSON body and Authorization: Bearer <token>; the token is asked for once
// and kept in sessionStorage (gone when the tab closes).
import { ApiError, Cancelled, postControl, setTokenPrompt, storeToken, storedToken } from './api.js';
import { el, byId } from './dom.js';

const MAX_MESSAGES = 6;

/** Shows short outcome messages, newest first. */
export class Messages {
  constructor(container) {
    this.container = container;
  }

  show(text, kind = 'info') {
    const item = el('li', { className: 'message ' + kind, text });
    this.container.prepend(item);
    while (this.container.children.length > MAX_MESSAGES) this.container.lastElementChild.remove();
  }

  /** Reports a failed request: refusals (401/403) name themselves as such. */
  error(what, error) {
    if (error instanceof Cancelled) {
      this.show(what + ': cancelled (no access token)', 'info');
    } else if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      this.show(what + ': refused (' + error.status + ') ' + error.message, 'error');
    } else {
      this.show(what + ': failed: ' + (error && error.message ? error.message : String(error)), 'error');
    }
  }
}

/** Wires the token dialog and the header's token button; returns a function that updates it. */
export function installTokenDialog() {
  const dialog = byId('token-dialog');
  const input = byId('token-input');
  const button = byId('token-button');
  const refresh = () => {
    const has = Boolean(storedToken());
    button.textContent = has ? 'Access token ✓' : 'Set access token';
    button.classList.toggle('has-token', has);
  };
  const ask = () =>
    new Promise((resolve) => {
      input.value = '';
      const onClose = () => {
        dialog.removeEventListener('close', onClose);
        const token = dialog.returnValue === 'ok' ? input.value.trim() : '';
        input.value = '';
        if (token) storeToken(token);
        refresh();
        resolve(token || null);
      };
      dialog.addEventListener('close', onClose);
      dialog.showModal();
      input.focus();
    });
  setTokenPrompt(ask);
  button.addEventListener('click', async () => {
    if (storedToken()) {
      storeToken(null);
      refresh();
    } else {
      await ask();
    }
  });
  byId('token-cancel').addEventListener('click', () => dialog.close('cancel'));
  refresh();
  return refresh;
}

/** The control actions, reporting their outcome to `messages`. */
export class Controls {
  constructor(messages, refreshToken, afterChange) {
    this.messages = messages;
    this.refreshToken = refreshToken;
    this.afterChange = afterChange;
  }

  async run(what, path, body) {
    try {
      const answer = await postControl(path, body);
      const id = answer && answer.commandId ? ' (command ' + answer.commandId + ')' : '';
      this.messages.show(what + ': accepted' + id, 'ok');
      this.afterChange();
      return answer;
    } catch (error) {
      this.messages.error(what, error);
      return null;
    } finally {
      this.refreshToken();
    }
  }

  ack(alert) {
    return this.run('Ack ' + alert.fingerprint, 'api/v1/alerts/' + encodeURIComponent(alert.fingerprint) + '/ack', {
      by: 'dashboard',
      comment: 'acknowledged from the dashboard',
    });
  }

  silence(alert) {
    return this.run('Silence ' + alert.hostId, 'api/v1/silences', {
      matchers: { hostId: String(alert.hostId) },
      durationMinutes: 60,
      comment: 'silenced from the dashboard (alert ' + alert.fingerprint + ')',
      by: 'dashboard',
    });
  }

  profile(hostId, durationMillis) {
    return this.run('Start profiling ' + hostId, 'api/v1/control/profile', {
      hostId,
      durationMillis,
      samplingIntervalMillis: 10,
    });
  }

  shed(hostId, fraction) {
    return this.run('Shed ' + Math.round(fraction * 100) + ' % load on ' + hostId, 'api/v1/control/shed', {
      hostId,
      fraction,
    });
  }
}
