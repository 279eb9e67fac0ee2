// Profiles: the list of JFR profiles and a flame graph of the one selected.
import { getJson } from './api.js';
import { el, replaceChildren } from './dom.js';
import { fmt, fmtDuration, fmtTime, num } from './format.js';
import { FlameGraph } from './flame.js';

const MAX_PROFILES = 100;

export class ProfilesView {
  constructor(tbody, flameContainer, caption, title, onError) {
    this.tbody = tbody;
    this.flame = new FlameGraph(flameContainer, caption);
    this.title = title;
    this.onError = onError;
    this.profiles = new Map();
    this.selectedId = null;
  }

  /** Replaces the list with an /api/v1/profiles answer; shows the newest when none is open. */
  replace(profiles) {
    this.profiles.clear();
    for (const profile of Array.isArray(profiles) ? profiles : []) this.put(profile);
    this.render();
    this.openNewestIfNone();
  }

  /** A "profile" event. */
  upsert(profile) {
    this.put(profile);
    this.render();
    this.openNewestIfNone();
  }

  put(profile) {
    if (profile && profile.profileId !== undefined && profile.profileId !== null) {
      this.profiles.set(String(profile.profileId), profile);
    }
  }

  sorted() {
    return [...this.profiles.values()]
      .sort((a, b) => (num(b.startedAtMillis) ?? 0) - (num(a.startedAtMillis) ?? 0))
      .slice(0, MAX_PROFILES);
  }

  openNewestIfNone() {
    if (this.selectedId === null && this.profiles.size > 0) this.open(String(this.sorted()[0].profileId));
  }

  render() {
    const rows = this.sorted().map((p) => {
      const id = String(p.profileId);
      const top = Array.isArray(p.topMethods) ? p.topMethods.slice(0, 3).map(methodName) : [];
      return el(
        'tr',
        {
          className: id === this.selectedId ? 'profile selected' : 'profile',
          dataset: { profile: id },
          on: { click: () => this.open(id) },
        },
        el('td', { text: p.hostId ?? '' }),
        el('td', { text: fmtTime(p.startedAtMillis) }),
        el('td', { text: fmtDuration(num(p.endedAtMillis) === null ? null : num(p.endedAtMillis) - num(p.startedAtMillis)) }),
        el('td', { text: fmt(p.totalSamples, 0) }),
        el('td', { text: p.alertFingerprint ?? '—' }),
        el('td', { className: 'top-methods', text: top.join(' · ') }),
      );
    });
    if (rows.length === 0) {
      rows.push(el('tr', { className: 'empty' }, el('td', { text: 'No profiles yet.', attrs: { colspan: '6' } })));
    }
    replaceChildren(this.tbody, rows);
  }

  /** Loads /api/v1/profiles/{id} and draws its flame graph. */
  async open(id) {
    this.selectedId = id;
    this.render();
    try {
      const profile = await getJson('api/v1/profiles/' + encodeURIComponent(id));
      if (id !== this.selectedId) return;
      const summary = profile.summary || this.profiles.get(id) || {};
      this.title.textContent =
        'Flame graph: ' + String(summary.hostId ?? '') + ' at ' + fmtTime(summary.startedAtMillis) + ' (' + id + ')';
      this.flame.show(profile.flame);
    } catch (error) {
      this.onError(error);
    }
  }
}

function methodName(method) {
  if (method && typeof method === 'object') {
    const name = String(method.method ?? method.name ?? '?');
    const percent = num(method.selfPercent);
    return percent === null ? name : name + ' (' + fmt(percent, 1) + ' %)';
  }
  return String(method);
}
