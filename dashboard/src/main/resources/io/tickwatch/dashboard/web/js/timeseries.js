// Drill-down charts: one metric of one scope (the fleet or a host) at 1 ms, 1 s and 10 s
// resolution. History comes from /api/v1/series, live points from "stats" events.
import { getJson } from './api.js';
import { SeriesBuffer } from './buffer.js';
import { Plot, chartPanel } from './charts.js';
import { clear, el } from './dom.js';

/** Resolutions drawn, with how much history each chart loads and keeps. */
export const RESOLUTIONS = [
  // raw samples are not streamed: the 1 ms chart fetches what is new once a second instead
  {
    resolution: '1ms',
    title: '1 ms resolution · last 10 s',
    windowMillis: 10_000,
    capacity: 10_000,
    pollMillis: 1_000,
    // raw slots without a value (no tick ended in that millisecond) are gaps, not outages
    spanGaps: true,
    emptyText: (scope) =>
      scope === 'fleet'
        ? 'Raw 1 ms samples are kept per host: click a host card to see them.'
        : 'No raw 1 ms samples of this metric (sampled gauges such as cpu.process.percent or tick.max.micros have them).',
  },
  { resolution: '1s', title: '1 s resolution · last hour', windowMillis: 3_600_000, capacity: 3_600 },
  { resolution: '10s', title: '10 s resolution · last hour', windowMillis: 3_600_000, capacity: 360 },
];

export class TimeSeriesView {
  /**
   * @param container element the three chart panels go into
   * @param onFirstData called once, when any chart first draws data
   * @param onError called with an error when loading history fails
   */
  constructor(container, onFirstData, onError) {
    this.container = container;
    this.onFirstData = onFirstData;
    this.onError = onError;
    this.scope = null;
    this.metric = null;
    this.unit = '';
    this.generation = 0;
    this.charts = new Map();
    this.pollTimer = setInterval(() => this.poll(), 1_000);
  }

  /** Fetches the points after the newest one of every chart that is not streamed. */
  async poll() {
    const generation = this.generation;
    const nowMillis = Date.now();
    for (const chart of this.charts.values()) {
      const every = chart.spec.pollMillis;
      if (!every || chart.loading || nowMillis - chart.lastLiveMillis < 2 * every) continue;
      const t = chart.buffer.data()[0];
      const from = Math.max(nowMillis - chart.spec.windowMillis, t.length > 0 ? t[t.length - 1] + 1 : 0);
      chart.loading = true;
      try {
        const series = await getJson('api/v1/series', {
          host: this.scope,
          metric: this.metric,
          resolution: chart.spec.resolution,
          fromMillis: from,
          toMillis: nowMillis,
        });
        if (generation !== this.generation) return;
        chart.buffer.append(series.t || [], series.mean, series.p99, series.max);
        chart.buffer.dropBefore(nowMillis - chart.spec.windowMillis);
        chart.plot.scheduleData(chart.buffer.data());
      } catch (error) {
        // the next poll tries again; loading errors of the history are reported by load()
      } finally {
        chart.loading = false;
      }
    }
  }

  /** Shows `metric` of `scope` ("fleet" or a host id); loads the last hour. */
  async show(scope, metric, unit) {
    if (scope === this.scope && metric === this.metric) {
      if ((unit || '') !== this.unit) this.setUnit(unit || '');
      return;
    }
    this.scope = scope;
    this.metric = metric;
    this.unit = unit || '';
    const generation = ++this.generation;
    if (!metric) {
      this.rebuild(false);
      this.container.append(el('p', { className: 'muted', text: 'Waiting for the first metrics…' }));
      return;
    }
    this.rebuild();
    await this.load(generation);
  }

  /** Reloads the history of the current scope and metric (after a reconnect). */
  async reload() {
    if (this.metric) await this.load(this.generation);
  }

  setUnit(unit) {
    this.unit = unit;
    for (const chart of this.charts.values()) chart.heading.textContent = this.title(chart.spec);
  }

  title(spec) {
    return spec.title + (this.unit ? ' (' + this.unit + ')' : '');
  }

  rebuild(withCharts = true) {
    for (const chart of this.charts.values()) chart.plot.destroy();
    this.charts.clear();
    clear(this.container);
    if (!withCharts) return;
    for (const spec of RESOLUTIONS) {
      const { panel, heading, body, empty } = chartPanel(
        this.title(spec),
        'chart',
        typeof spec.emptyText === 'function' ? spec.emptyText(this.scope) : spec.emptyText,
      );
      panel.dataset.resolution = spec.resolution;
      this.container.append(panel);
      const plot = new Plot(body, {
        series: ['mean', 'p99', 'max'].map((label) => ({ label, spanGaps: Boolean(spec.spanGaps) })),
        onFirstData: () => this.firstData(),
        onData: (points) => {
          empty.hidden = points > 0;
        },
      });
      const buffer = new SeriesBuffer(spec.capacity);
      this.charts.set(spec.resolution, { spec, plot, heading, buffer, loading: false, lastLiveMillis: 0 });
    }
  }

  firstData() {
    if (this.onFirstData) {
      const callback = this.onFirstData;
      this.onFirstData = null;
      callback();
    }
  }

  async load(generation) {
    const nowMillis = Date.now();
    await Promise.all(
      [...this.charts.values()].map(async (chart) => {
        chart.loading = true;
        try {
          const series = await getJson('api/v1/series', {
            host: this.scope,
            metric: this.metric,
            resolution: chart.spec.resolution,
            fromMillis: nowMillis - chart.spec.windowMillis,
            toMillis: nowMillis,
          });
          if (generation !== this.generation) return;
          // live points that arrived while the history was loading are kept
          const live = chart.buffer.data().map((column) => column.slice());
          chart.buffer.replace(series);
          chart.buffer.append(live[0], live[1], live[2], live[3]);
          chart.plot.setData(chart.buffer.data());
        } catch (error) {
          if (generation === this.generation) this.onError(error);
        } finally {
          chart.loading = false;
        }
      }),
    );
  }

  /** Adds a "stats" event when it belongs to the shown scope and metric (unlabelled series). */
  accept(event) {
    if (!event || event.metric !== this.metric || String(event.host) !== this.scope) return false;
    if (event.labels && Object.keys(event.labels).length > 0) return false;
    const chart = this.charts.get(event.resolution);
    if (!chart) return false;
    chart.lastLiveMillis = Date.now();
    chart.buffer.append(event.t, event.mean, event.p99, event.max);
    chart.plot.scheduleData(chart.buffer.data());
    return true;
  }
}
