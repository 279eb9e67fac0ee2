// Experiments: verdict, per-metric p-values and confidence intervals of the latest evaluation, and
// a convergence chart (p-values and the difference's CI over all evaluations) of one comparison.
import { getJson } from './api.js';
import { Plot, chartPanel } from './charts.js';
import { el, clear, replaceChildren } from './dom.js';
import { fmt, fmtP, fmtTime, num } from './format.js';

const MAX_EVALUATIONS = 2_000;
const P_FLOOR = 1e-12;

function comparisonKey(c) {
  return c.metric + ' · ' + c.treatmentVariant + ' vs ' + c.controlVariant;
}

function verdictBadge(verdict) {
  const text = String(verdict ?? 'NO DATA');
  return el('span', { className: 'badge verdict ' + text.toLowerCase().replace(/\s+/g, '-'), text });
}

function variantName(variant) {
  if (variant && typeof variant === 'object') {
    const share = num(variant.trafficShare ?? variant.share ?? variant.weight);
    return String(variant.name ?? variant.variant ?? '?') + (share === null ? '' : ' (' + fmt(share * 100, 1) + ' %)');
  }
  return String(variant);
}

export class ExperimentsView {
  constructor(listContainer, convergenceContainer, onError) {
    this.list = listContainer;
    this.convergence = convergenceContainer;
    this.onError = onError;
    this.experiments = new Map();
    this.selectedId = null;
    this.selectedKey = null;
    this.results = [];
    this.plots = [];
  }

  /** Replaces the list with an /api/v1/experiments answer. */
  replace(experiments) {
    this.experiments.clear();
    for (const experiment of Array.isArray(experiments) ? experiments : []) {
      if (experiment && experiment.experimentId !== undefined) {
        this.experiments.set(String(experiment.experimentId), experiment);
      }
    }
    this.render();
    if (this.selectedId === null && this.experiments.size > 0) {
      this.select(this.experiments.keys().next().value);
    } else if (this.selectedId !== null) {
      this.loadResults();
    }
  }

  /** An "ab-result" event: updates the experiment's latest result and the convergence chart. */
  acceptResult(result) {
    if (!result || result.experimentId === undefined) return;
    const id = String(result.experimentId);
    const experiment = this.experiments.get(id) || { experimentId: id, name: id, status: 'RUNNING', variants: [] };
    experiment.latest = result;
    this.experiments.set(id, experiment);
    this.render();
    if (this.selectedId === null) {
      this.select(id);
    } else if (id === this.selectedId) {
      const last = this.results[this.results.length - 1];
      if (!last || num(result.evaluatedAtMillis) >= num(last.evaluatedAtMillis)) {
        if (last && num(result.evaluatedAtMillis) === num(last.evaluatedAtMillis)) this.results.pop();
        this.results.push(result);
        if (this.results.length > MAX_EVALUATIONS) this.results.splice(0, this.results.length - MAX_EVALUATIONS);
        this.drawConvergence(false);
      }
    }
  }

  render() {
    const blocks = [...this.experiments.values()].map((experiment) => this.block(experiment));
    if (blocks.length === 0) blocks.push(el('p', { className: 'muted', text: 'No experiments.' }));
    replaceChildren(this.list, blocks);
  }

  block(experiment) {
    const id = String(experiment.experimentId);
    const latest = experiment.latest || null;
    const variants = Array.isArray(experiment.variants) ? experiment.variants.map(variantName) : [];
    const header = el(
      'div',
      { className: 'experiment-header' },
      el('h3', { className: 'experiment-name', text: experiment.name ?? id }),
      el('span', { className: 'muted', text: id }),
      el('span', { className: 'badge status', text: experiment.status ?? '' }),
      verdictBadge(latest ? latest.verdict : null),
      el('button', {
        text: id === this.selectedId ? 'Convergence shown' : 'Show convergence',
        attrs: { type: 'button', disabled: id === this.selectedId },
        on: { click: () => this.select(id) },
      }),
    );
    const parts = [header];
    if (variants.length > 0) parts.push(el('p', { className: 'variants', text: 'variants: ' + variants.join(', ') }));
    if (latest) {
      parts.push(
        el('p', {
          className: 'muted',
          text:
            'evaluation #' + fmt(latest.evaluationIndex, 0) + ' at ' + fmtTime(latest.evaluatedAtMillis) +
            ' · SRM p = ' + fmtP(latest.srmPValue) +
            ' · confidence ' + fmt(num(latest.confidenceLevel) === null ? null : num(latest.confidenceLevel) * 100, 1) + ' %',
        }),
      );
      parts.push(comparisonTable(latest.comparisons));
      const reasons = Array.isArray(latest.reasons) ? latest.reasons : [];
      if (reasons.length > 0) parts.push(el('ul', { className: 'reasons' }, reasons.map((r) => el('li', { text: r }))));
    } else {
      parts.push(el('p', { className: 'muted', text: 'No evaluation yet.' }));
    }
    return el('article', { className: 'experiment', dataset: { experiment: id } }, parts);
  }

  async select(id) {
    this.selectedId = id;
    this.selectedKey = null;
    this.results = [];
    this.render();
    await this.loadResults();
  }

  async loadResults() {
    const id = this.selectedId;
    try {
      const results = await getJson('api/v1/experiments/' + encodeURIComponent(id) + '/results');
      if (id !== this.selectedId) return;
      this.results = (Array.isArray(results) ? results : []).slice(-MAX_EVALUATIONS);
      this.drawConvergence(true);
    } catch (error) {
      this.onError(error);
    }
  }

  comparisonKeys() {
    const keys = new Set();
    for (const result of this.results) {
      for (const c of result.comparisons || []) keys.add(comparisonKey(c));
    }
    return [...keys];
  }

  drawConvergence(rebuild) {
    const keys = this.comparisonKeys();
    if (this.selectedKey === null || !keys.includes(this.selectedKey)) {
      this.selectedKey = keys.length > 0 ? keys[0] : null;
      rebuild = true;
    }
    if (rebuild || this.plots.length === 0) this.buildConvergence(keys);
    if (this.plots.length === 0) return;
    const t = [];
    const welch = [];
    const sequential = [];
    const adjusted = [];
    const diff = [];
    const low = [];
    const high = [];
    for (const result of this.results) {
      const c = (result.comparisons || []).find((x) => comparisonKey(x) === this.selectedKey);
      if (!c) continue;
      t.push(num(result.evaluatedAtMillis));
      welch.push(pValue(c.welchPValue));
      sequential.push(pValue(c.sequentialPValue));
      adjusted.push(pValue(c.adjustedPValue));
      diff.push(num(c.meanDifference));
      low.push(num(c.differenceCiLow));
      high.push(num(c.differenceCiHigh));
    }
    this.plots[0].scheduleData([t, welch, sequential, adjusted]);
    this.plots[1].scheduleData([t, diff, low, high]);
  }

  buildConvergence(keys) {
    for (const plot of this.plots) plot.destroy();
    this.plots = [];
    clear(this.convergence);
    const experiment = this.experiments.get(this.selectedId);
    this.convergence.append(
      el('h3', { text: 'Convergence: ' + (experiment ? experiment.name ?? this.selectedId : this.selectedId ?? '') }),
    );
    if (keys.length === 0) {
      this.convergence.append(el('p', { className: 'muted', text: 'No comparisons yet.' }));
      return;
    }
    const select = el('select', {
      attrs: { 'aria-label': 'comparison' },
      on: {
        change: () => {
          this.selectedKey = select.value;
          this.drawConvergence(false);
        },
      },
    });
    for (const key of keys) {
      const option = el('option', { text: key });
      option.value = key;
      select.append(option);
    }
    select.value = this.selectedKey;
    this.convergence.append(el('label', { className: 'inline' }, 'comparison ', select));
    const pPanel = chartPanel('p-values over evaluations (log scale)');
    const ciPanel = chartPanel('mean difference and confidence interval');
    pPanel.panel.classList.add('convergence-p');
    ciPanel.panel.classList.add('convergence-ci');
    this.convergence.append(pPanel.panel, ciPanel.panel);
    this.plots.push(
      new Plot(pPanel.body, {
        height: 160,
        onData: (points) => {
          pPanel.empty.hidden = points > 0;
        },
        scales: { y: { distr: 3, range: (u, min) => [decadeBelow(min), 1] } },
        series: [{ label: 'Welch p' }, { label: 'sequential p' }, { label: 'adjusted p' }],
        axes: [
          { stroke: '#9aa4b2', grid: { stroke: '#2a3140' } },
          {
            stroke: '#9aa4b2',
            grid: { stroke: '#2a3140' },
            size: 60,
            splits: (u, axis, min, max) => decades(min, max),
            values: (u, ticks) => ticks.map((v) => fmtP(v)),
          },
        ],
      }),
      new Plot(ciPanel.body, {
        height: 160,
        onData: (points) => {
          ciPanel.empty.hidden = points > 0;
        },
        series: [{ label: 'difference' }, { label: 'CI low', dash: [4, 4] }, { label: 'CI high', dash: [4, 4] }],
      }),
    );
  }
}

/** The power of ten at or below a p-value, at least 1e-3 below 1 so the chart shows a range. */
function decadeBelow(min) {
  const n = num(min);
  const exponent = n === null ? -3 : Math.floor(Math.log10(Math.max(P_FLOOR, n)));
  return 10 ** Math.min(-3, exponent);
}

/** Powers of ten from min to max, at most 7 of them (every other one when there are more). */
function decades(min, max) {
  const low = Math.round(Math.log10(min));
  const high = Math.round(Math.log10(max));
  const step = Math.max(1, Math.ceil((high - low + 1) / 7));
  const splits = [];
  for (let e = high; e >= low; e -= step) splits.unshift(10 ** e);
  return splits;
}

function pValue(value) {
  const n = num(value);
  return n === null ? null : Math.min(1, Math.max(P_FLOOR, n));
}

function comparisonTable(comparisons) {
  const list = Array.isArray(comparisons) ? comparisons : [];
  if (list.length === 0) return el('p', { className: 'muted', text: 'No comparison yet (every variant needs data).' });
  const head = el(
    'tr',
    {},
    ['metric', 'treatment vs control', 'mean diff', 'CI', 'rel.', 'Welch p', 'Mann-Whitney p', 'sequential p', 'adjusted p', 'verdict'].map(
      (h) => el('th', { text: h }),
    ),
  );
  const rows = list.map((c) =>
    el(
      'tr',
      { className: 'comparison' },
      el('td', { text: c.metric }),
      el('td', { text: String(c.treatmentVariant) + ' vs ' + String(c.controlVariant) }),
      el('td', { text: fmt(c.meanDifference, 3) }),
      el('td', { className: 'ci', text: '[' + fmt(c.differenceCiLow, 3) + ', ' + fmt(c.differenceCiHigh, 3) + ']' }),
      el('td', { text: num(c.relativeDifference) === null ? '—' : fmt(num(c.relativeDifference) * 100, 1) + ' %' }),
      el('td', { className: 'p', text: fmtP(c.welchPValue) }),
      el('td', { className: 'p', text: fmtP(c.mannWhitneyPValue) }),
      el('td', { className: 'p', text: fmtP(c.sequentialPValue) }),
      el('td', { className: 'p', text: fmtP(c.adjustedPValue) }),
      el('td', {}, verdictBadge(c.verdict)),
    ),
  );
  return el('table', { className: 'comparisons' }, el('thead', {}, head), el('tbody', {}, rows));
}
