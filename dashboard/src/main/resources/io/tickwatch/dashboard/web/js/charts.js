// uPlot wrappers. uPlot (webjar org.webjars.npm:uplot) is loaded by index.html as a classic script
// and sets the global `uPlot`; it writes labels with textContent, so data never becomes markup.
import { el } from './dom.js';
import { fmtAxis } from './format.js';

const COLORS = ['#4ea1ff', '#ffb347', '#ff6b6b', '#7ed957', '#c792ea', '#5ad4e6'];

export function color(i) {
  return COLORS[i % COLORS.length];
}

function widthOf(container) {
  return Math.max(200, Math.floor(container.clientWidth || 600));
}

/**
 * A uPlot chart that follows its container's width, redraws at most once per animation frame,
 * keeps a user's zoom (drag to zoom, double-click to reset) while live data arrives, and
 * publishes the number of drawn points as data-points on its container (tests read it).
 */
export class Plot {
  /**
   * @param container element the chart is drawn into
   * @param options {series: [{label, stroke?, scale?}], height?, xTime?, scales?, axes?, title?}
   */
  constructor(container, options) {
    this.container = container;
    this.zoomed = false;
    this.pending = null;
    this.onFirstData = options.onFirstData || null;
    this.onData = options.onData || null;
    const xTime = options.xTime !== false;
    const opts = {
      width: widthOf(container),
      height: options.height || 180,
      ms: 1,
      title: options.title,
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      scales: Object.assign({ x: { time: xTime } }, options.scales || {}),
      axes: options.axes || [
        { stroke: '#9aa4b2', grid: { stroke: '#2a3140' } },
        { stroke: '#9aa4b2', grid: { stroke: '#2a3140' }, size: 60, values: (u, ticks) => ticks.map((v) => fmtAxis(v)) },
      ],
      series: [
        { label: xTime ? 'time' : 'x' },
        ...options.series.map((s, i) =>
          Object.assign({ stroke: color(i), width: 1.5, spanGaps: false, points: { show: false } }, s)),
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width > 0) this.zoomed = true;
          },
        ],
      },
    };
    const empty = opts.series.map(() => []);
    this.plot = new uPlot(opts, empty, container);
    this.plot.over.addEventListener('dblclick', () => {
      this.zoomed = false;
    });
    this.resizeObserver = new ResizeObserver(() => {
      const width = widthOf(container);
      if (width !== this.plot.width) this.plot.setSize({ width, height: this.plot.height });
    });
    this.resizeObserver.observe(container);
    container.dataset.points = '0';
  }

  /** Draws these columns now. */
  setData(columns) {
    this.pending = null;
    this.plot.setData(columns, !this.zoomed);
    const points = columns.length > 0 ? columns[0].length : 0;
    this.container.dataset.points = String(points);
    if (this.onData) this.onData(points);
    if (points > 0 && this.onFirstData) {
      const callback = this.onFirstData;
      this.onFirstData = null;
      callback();
    }
  }

  /** Draws these columns at the next animation frame; later calls before that frame win. */
  scheduleData(columns) {
    const first = this.pending === null;
    this.pending = columns;
    if (first) {
      requestAnimationFrame(() => {
        if (this.pending !== null) this.setData(this.pending);
      });
    }
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.plot.destroy();
  }
}

/** A titled chart panel: a heading and the element a Plot is drawn into. */
export function chartPanel(title, className = 'chart', emptyText = 'No data yet.') {
  const body = el('div', { className: 'chart-body' });
  const heading = el('h3', { className: 'chart-title', text: title });
  const empty = el('p', { className: 'chart-empty muted', text: emptyText });
  const panel = el('div', { className }, heading, empty, body);
  return { panel, heading, body, empty };
}
