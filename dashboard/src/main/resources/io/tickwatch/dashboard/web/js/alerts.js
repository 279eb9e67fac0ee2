// The alert list: state, severity, host, metric, summary, actions taken, ack / silence buttons.
import { el, replaceChildren } from './dom.js';
import { fmtAgo, fmtTime, num } from './format.js';

const STATE_ORDER = { FIRING: 0, PENDING: 1, RESOLVED: 2 };
const SEVERITY_ORDER = { EMERGENCY: 0, CRITICAL: 1, WARNING: 2 };
const MAX_ROWS = 200;

export class AlertList {
  /**
   * @param tbody table body the rows go into
   * @param counter element that shows how many alerts fire
   * @param handlers {ack(alert), silence(alert), openProfile(profileId)}
   */
  constructor(tbody, counter, handlers) {
    this.tbody = tbody;
    this.counter = counter;
    this.handlers = handlers;
    this.alerts = new Map();
    this.scheduled = false;
  }

  /** Replaces every alert with an /api/v1/alerts answer. */
  replace(alerts) {
    this.alerts.clear();
    for (const alert of Array.isArray(alerts) ? alerts : []) this.put(alert);
    this.render();
  }

  /** Inserts or updates one alert (an "alert" event). */
  upsert(alert) {
    this.put(alert);
    this.schedule();
  }

  put(alert) {
    if (alert && alert.fingerprint !== undefined && alert.fingerprint !== null) {
      this.alerts.set(String(alert.fingerprint), alert);
    }
  }

  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  sorted() {
    return [...this.alerts.values()].sort(
      (a, b) =>
        (STATE_ORDER[a.state] ?? 3) - (STATE_ORDER[b.state] ?? 3) ||
        (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) ||
        (num(b.startsAtMillis) ?? 0) - (num(a.startsAtMillis) ?? 0),
    );
  }

  render() {
    const alerts = this.sorted();
    const firing = alerts.filter((a) => a.state === 'FIRING').length;
    this.counter.textContent = firing + ' firing · ' + alerts.length + ' total';
    const nowMillis = Date.now();
    const rows = alerts.slice(0, MAX_ROWS).map((alert) => this.row(alert, nowMillis));
    if (rows.length === 0) {
      rows.push(el('tr', { className: 'empty' }, el('td', { text: 'No alerts.', attrs: { colspan: '8' } })));
    }
    replaceChildren(this.tbody, rows);
  }

  row(alert, nowMillis) {
    const state = String(alert.state ?? '');
    const severity = String(alert.severity ?? '');
    const flags = [];
    if (alert.acknowledged) flags.push(el('span', { className: 'flag', text: 'acknowledged' }));
    if (alert.silenced) flags.push(el('span', { className: 'flag', text: 'silenced' }));
    const buttons = el('td', { className: 'alert-buttons' });
    if (state !== 'RESOLVED' && !alert.acknowledged) {
      buttons.append(
        el('button', {
          className: 'ack',
          text: 'Ack',
          attrs: { type: 'button' },
          on: { click: () => this.handlers.ack(alert) },
        }),
      );
    }
    if (state !== 'RESOLVED' && !alert.silenced) {
      buttons.append(
        el('button', {
          className: 'silence',
          text: 'Silence host 1 h',
          attrs: { type: 'button' },
          on: { click: () => this.handlers.silence(alert) },
        }),
      );
    }
    if (alert.profileId) {
      buttons.append(
        el('button', {
          className: 'profile-link',
          text: 'Flame graph',
          attrs: { type: 'button' },
          on: { click: () => this.handlers.openProfile(String(alert.profileId)) },
        }),
      );
    }
    return el(
      'tr',
      { className: 'alert state-' + state.toLowerCase(), dataset: { fingerprint: alert.fingerprint } },
      el('td', {}, el('span', { className: 'badge state ' + state.toLowerCase(), text: state }), flags),
      el('td', {}, el('span', { className: 'badge severity ' + severity.toLowerCase(), text: severity })),
      el('td', { className: 'alert-host', text: alert.hostId ?? '' }),
      el('td', { className: 'alert-metric', text: alert.metric ?? '' }),
      el('td', { className: 'alert-summary' }, el('div', { text: alert.summary ?? '' }), labelList(alert.labels)),
      el('td', {
        text: fmtAgo(alert.startsAtMillis, nowMillis),
        title: fmtTime(alert.startsAtMillis),
      }),
      el('td', { className: 'alert-actions' }, actionList(alert.actions)),
      buttons,
    );
  }
}

function labelList(labels) {
  if (!labels || typeof labels !== 'object') return null;
  const entries = Object.entries(labels);
  if (entries.length === 0) return null;
  return el(
    'ul',
    { className: 'labels' },
    entries.map(([name, value]) => el('li', { className: 'label', text: name + '=' + String(value) })),
  );
}

function actionList(actions) {
  if (!Array.isArray(actions) || actions.length === 0) return el('span', { className: 'muted', text: 'none' });
  return el(
    'ul',
    { className: 'actions' },
    actions.map((audit) =>
      el('li', {
        text: [audit.action, audit.outcome, audit.actor ? 'by ' + audit.actor : null]
          .filter((part) => part !== null && part !== undefined && part !== '')
          .join(' '),
        title: [fmtTime(audit.atMillis), audit.reason, audit.detail].filter(Boolean).join(' · '),
      }),
    ),
  );
}
