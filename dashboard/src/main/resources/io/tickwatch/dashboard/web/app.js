// Tickwatch dashboard: entry point. Loads the current state over the JSON API, then follows the
// server-sent event stream. Performance marks: "tickwatch:cards" (first card with data),
// "tickwatch:chart" (first chart with data) and "tickwatch:useful" (both), measured from
// navigation start; the useful-render time is also published as data-useful-render-millis on <html>.
import { getJson } from './js/api.js';
import { AlertList } from './js/alerts.js';
import { CardGrid, FLEET } from './js/cards.js';
import { Controls, Messages, installTokenDialog } from './js/control.js';
import { byId, el } from './js/dom.js';
import { ExperimentsView } from './js/experiments.js';
import { sessionReady, showLogin } from './js/login.js';
import { ProfilesView } from './js/profiles.js';
import { openStream } from './js/stream.js';
import { TimeSeriesView } from './js/timeseries.js';

const PREFERRED_METRICS = ['tick.duration', 'action.latency', 'cpu.process.percent'];
const OVERVIEW_MIN_INTERVAL_MILLIS = 1_000;
const OVERVIEW_IDLE_REFRESH_MILLIS = 5_000;
const CATALOG_REFRESH_MILLIS = 30_000;

const root = document.documentElement;
const messages = new Messages(byId('messages'));
const marks = new Set();

function mark(name) {
  if (marks.has(name)) return;
  marks.add(name);
  performance.mark('tickwatch:' + name);
  if (marks.has('cards') && marks.has('chart') && !marks.has('useful')) {
    marks.add('useful');
    const useful = performance.mark('tickwatch:useful');
    root.dataset.usefulRenderMillis = String(Math.round(useful.startTime));
  }
}

function reportError(what) {
  return (error) => messages.error(what, error);
}

// ---- state --------------------------------------------------------------------------------------

const state = { scope: FLEET, metric: null, catalog: [] };

function readHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (params.get('host')) state.scope = params.get('host');
  if (params.get('metric')) state.metric = params.get('metric');
}

function writeHash() {
  const params = new URLSearchParams();
  if (state.scope !== FLEET) params.set('host', state.scope);
  if (state.metric) params.set('metric', state.metric);
  const hash = params.toString();
  history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
}

// ---- views --------------------------------------------------------------------------------------

const cards = new CardGrid(byId('cards'), (hostId) => selectScope(hostId));
const series = new TimeSeriesView(byId('charts'), () => mark('chart'), reportError('Loading history'));
const refreshToken = installTokenDialog();
const controls = new Controls(messages, refreshToken, () => {
  loadAlerts();
});
const alerts = new AlertList(byId('alerts-body'), byId('alerts-count'), {
  ack: (alert) => controls.ack(alert),
  silence: (alert) => controls.silence(alert),
  openProfile: (id) => {
    profiles.open(id);
    byId('profiles-section').scrollIntoView({ behavior: 'smooth' });
  },
});
const experiments = new ExperimentsView(byId('experiments'), byId('convergence'), reportError('Loading experiment'));
const profiles = new ProfilesView(
  byId('profiles-body'),
  byId('flame'),
  byId('flame-caption'),
  byId('flame-title'),
  reportError('Loading profile'),
);

function unitOf(metric) {
  const entry = state.catalog.find((m) => m.metric === metric);
  return entry && entry.unit ? String(entry.unit) : '';
}

function selectScope(scope) {
  state.scope = scope;
  cards.select(scope);
  byId('scope-title').textContent = scope === FLEET ? 'Fleet' : 'Host ' + scope;
  byId('host-controls').hidden = scope === FLEET;
  writeHash();
  series.show(state.scope, state.metric, unitOf(state.metric));
}

function fillCatalog(catalog) {
  const fresh = Array.isArray(catalog) ? catalog.filter((m) => m && m.metric !== undefined) : [];
  const same =
    fresh.length === state.catalog.length && fresh.every((m, i) => m.metric === state.catalog[i].metric);
  state.catalog = fresh;
  if (same && fresh.length > 0) return;
  const select = byId('metric-select');
  const options = state.catalog.map((m) => {
    const option = el('option', { text: m.title ? m.title + ' (' + m.metric + ')' : String(m.metric) });
    option.value = String(m.metric);
    return option;
  });
  select.replaceChildren(...options);
  const names = state.catalog.map((m) => String(m.metric));
  if (!names.includes(state.metric)) {
    state.metric = PREFERRED_METRICS.find((m) => names.includes(m)) || names[0] || null;
  }
  if (state.metric) select.value = state.metric;
}

// ---- loading ------------------------------------------------------------------------------------

let lastOverviewMillis = 0;
let lastCatalogMillis = 0;
let overviewTimer = null;

async function loadOverview() {
  lastOverviewMillis = Date.now();
  try {
    const overview = await getJson('api/v1/overview');
    cards.update(overview);
    if (document.querySelector('#cards .card[data-ready="true"]')) mark('cards');
  } catch (error) {
    messages.error('Loading overview', error);
  }
  const sinceCatalog = Date.now() - lastCatalogMillis;
  if (sinceCatalog >= (state.catalog.length === 0 ? OVERVIEW_MIN_INTERVAL_MILLIS : CATALOG_REFRESH_MILLIS)) {
    loadCatalog();
  }
}

/** Loads the metric catalogue (again: metrics appear as hosts start) and shows the charts. */
async function loadCatalog() {
  lastCatalogMillis = Date.now();
  try {
    fillCatalog(await getJson('api/v1/metrics-catalog'));
    selectScope(state.scope);
  } catch (error) {
    messages.error('Loading metrics', error);
  }
}

/** Refreshes the cards at most once a second while stats arrive, and every 5 s when idle. */
function overviewSoon() {
  if (overviewTimer !== null) return;
  const wait = Math.max(0, lastOverviewMillis + OVERVIEW_MIN_INTERVAL_MILLIS - Date.now());
  overviewTimer = setTimeout(async () => {
    overviewTimer = null;
    await loadOverview();
  }, wait);
}

function loadAlerts() {
  return getJson('api/v1/alerts').then((list) => alerts.replace(list), reportError('Loading alerts'));
}

function loadExperiments() {
  return getJson('api/v1/experiments').then((list) => experiments.replace(list), reportError('Loading experiments'));
}

function loadProfiles() {
  return getJson('api/v1/profiles').then((list) => profiles.replace(list), reportError('Loading profiles'));
}

async function loadAll() {
  // the metric of the link, or the usual default, starts loading before the catalogue arrives
  if (state.metric === null && state.catalog.length === 0) state.metric = PREFERRED_METRICS[0];
  if (state.catalog.length === 0) selectScope(state.scope);
  await Promise.all([
    loadCatalog(),
    loadOverview(),
    loadAlerts(),
    loadExperiments(),
    loadProfiles(),
  ]);
}

function setConnection(status) {
  const badge = byId('connection');
  badge.textContent = status;
  badge.className = 'connection ' + status;
}

// ---- start --------------------------------------------------------------------------------------

byId('metric-select').addEventListener('change', (event) => {
  state.metric = event.target.value;
  writeHash();
  series.show(state.scope, state.metric, unitOf(state.metric));
});
byId('fleet-button').addEventListener('click', () => selectScope(FLEET));
byId('profile-button').addEventListener('click', () => {
  controls.profile(state.scope, Number(byId('profile-duration').value));
});
byId('shed-button').addEventListener('click', () => {
  const fraction = Number(byId('shed-fraction').value);
  // shedding turns players away: ask before doing it
  if (window.confirm('Shed ' + Math.round(fraction * 100) + ' % of the load on ' + state.scope + '?')) {
    controls.shed(state.scope, fraction);
  }
});

function start() {
  readHash();
  openStream(
    'api/v1/stream',
    {
      stats: (event) => {
        series.accept(event);
        overviewSoon();
      },
      alert: (alert) => alerts.upsert(alert),
      'ab-result': (result) => experiments.acceptResult(result),
      profile: (profile) => profiles.upsert(profile),
    },
    (status) => {
      setConnection(status);
      // a refused stream is closed for good: the session may have ended (token changed)
      if (status === 'closed') {
        sessionReady().then((ok) => {
          if (!ok) showLogin('The session ended: enter the access token again.');
        });
      }
    },
    () => {
      series.reload();
      loadAll();
    },
  );
  setInterval(() => {
    if (Date.now() - lastOverviewMillis >= OVERVIEW_IDLE_REFRESH_MILLIS) overviewSoon();
  }, OVERVIEW_IDLE_REFRESH_MILLIS);
  loadAll().then(() => {
    root.dataset.loaded = 'true';
  });
}

// off loopback, reads need the access token: ask for it instead of failing request by request
sessionReady().then((ok) => (ok ? start() : showLogin()));
