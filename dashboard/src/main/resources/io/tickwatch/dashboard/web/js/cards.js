// Metric cards: one for the fleet, one per host. Cards are keyed by host id and updated in place,
// so a card keeps its identity (and focus) across refreshes.
import { el, clear } from './dom.js';
import { fmt, fmtAgo, fmtLatencyMillis, fmtPercent, num } from './format.js';

export const FLEET = 'fleet';
const STALE_AFTER_MILLIS = 30_000;

const FIELDS = [
  { key: 'cpuPercent', label: 'CPU', format: fmtPercent },
  { key: 'memoryPercent', label: 'memory', format: fmtPercent },
  { key: 'activePlayers', label: 'players', format: (v) => fmt(v, 0) },
  { key: 'tickP99Millis', label: 'tick p99', format: fmtLatencyMillis },
  { key: 'latencyP99Millis', label: 'latency p99', format: fmtLatencyMillis },
  { key: 'frameDropsPerSecond', label: 'frame drops', format: (v) => withUnit(fmt(v), '/s') },
];

function withUnit(text, unit) {
  return text === '—' ? text : text + ' ' + unit;
}

export class CardGrid {
  /** @param onSelect called with the host id ("fleet" for the fleet card) a user clicked */
  constructor(container, onSelect) {
    this.container = container;
    this.onSelect = onSelect;
    this.cards = new Map();
    this.selected = FLEET;
  }

  /** Shows an /api/v1/overview answer. */
  update(overview, nowMillis = Date.now()) {
    const list = [];
    if (overview && overview.fleet) list.push(Object.assign({}, overview.fleet, { hostId: FLEET }));
    const hosts = (overview && Array.isArray(overview.hosts) ? overview.hosts : [])
      .filter((card) => card && card.hostId !== undefined && card.hostId !== null)
      .sort((a, b) => String(a.hostId).localeCompare(String(b.hostId)));
    list.push(...hosts);

    const seen = new Set();
    let previous = null;
    for (const card of list) {
      const hostId = String(card.hostId);
      seen.add(hostId);
      let view = this.cards.get(hostId);
      if (!view) {
        view = this.createCard(hostId);
        this.cards.set(hostId, view);
      }
      this.fill(view, card, nowMillis);
      const expectedPosition = previous ? previous.root.nextSibling : this.container.firstChild;
      if (expectedPosition !== view.root) {
        this.container.insertBefore(view.root, expectedPosition);
      }
      previous = view;
    }
    for (const [hostId, view] of this.cards) {
      if (!seen.has(hostId)) {
        view.root.remove();
        this.cards.delete(hostId);
      }
    }
    this.markSelected();
    return list.length;
  }

  createCard(hostId) {
    const values = new Map();
    const dl = el('dl', { className: 'card-metrics' });
    for (const field of FIELDS) {
      const dd = el('dd', { className: 'metric-value', dataset: { field: field.key }, text: '—' });
      values.set(field.key, dd);
      dl.append(el('div', { className: 'metric' }, el('dt', { text: field.label }), dd));
    }
    const seen = el('div', { className: 'card-seen', text: '' });
    const root = el(
      'article',
      {
        className: hostId === FLEET ? 'card card-fleet' : 'card',
        dataset: { host: hostId },
        attrs: { tabindex: '0', role: 'button', 'aria-pressed': 'false' },
        on: {
          click: () => this.onSelect(hostId),
          keydown: (event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              this.onSelect(hostId);
            }
          },
        },
      },
      el('h3', { className: 'card-title', text: hostId === FLEET ? 'Fleet' : hostId }),
      dl,
      seen,
    );
    return { root, values, seen };
  }

  fill(view, card, nowMillis) {
    for (const field of FIELDS) view.values.get(field.key).textContent = field.format(card[field.key]);
    const lastSeen = num(card.lastSeenMillis);
    view.seen.textContent = 'updated ' + fmtAgo(lastSeen, nowMillis);
    view.root.classList.toggle('stale', lastSeen === null || nowMillis - lastSeen > STALE_AFTER_MILLIS);
    view.root.dataset.ready = FIELDS.some((field) => num(card[field.key]) !== null) ? 'true' : 'false';
  }

  select(hostId) {
    this.selected = hostId;
    this.markSelected();
  }

  markSelected() {
    for (const [hostId, view] of this.cards) {
      const selected = hostId === this.selected;
      view.root.classList.toggle('selected', selected);
      view.root.setAttribute('aria-pressed', String(selected));
    }
  }

  hostIds() {
    return [...this.cards.keys()].filter((id) => id !== FLEET);
  }

  clear() {
    clear(this.container);
    this.cards.clear();
  }
}
