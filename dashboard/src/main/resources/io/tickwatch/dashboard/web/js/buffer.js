// Bounded, columnar time-series buffer: the shape uPlot draws ([t[], mean[], p99[], max[]]).
import { num } from './format.js';

/**
 * Holds at most `capacity` points sorted by time. Appending a point at an existing timestamp
 * replaces it (a window re-emitted with a later result); a late point is inserted in order; the
 * oldest points are dropped in batches once the buffer grows a little beyond its capacity, so an
 * append costs O(1) amortised.
 */
export class SeriesBuffer {
  constructor(capacity) {
    this.capacity = capacity;
    this.slack = Math.max(16, Math.ceil(capacity / 8));
    this.columns = [[], [], [], []];
  }

  get length() {
    return this.columns[0].length;
  }

  /** Replaces the content with a columnar answer of /api/v1/series. */
  replace(series) {
    const t = series.t || [];
    const pick = (column) => t.map((_, i) => num(column ? column[i] : null));
    this.columns = [t.map(Number), pick(series.mean), pick(series.p99), pick(series.max)];
    this.trim(this.capacity);
  }

  /** Appends one point, or many when `t` is an array (columnar event). */
  append(t, mean, p99, max) {
    if (Array.isArray(t)) {
      for (let i = 0; i < t.length; i++) {
        this.appendOne(Number(t[i]), mean && mean[i], p99 && p99[i], max && max[i]);
      }
    } else {
      this.appendOne(Number(t), mean, p99, max);
    }
    if (this.length > this.capacity + this.slack) this.trim(this.capacity);
  }

  appendOne(t, mean, p99, max) {
    if (!Number.isFinite(t)) return;
    const [ts, means, p99s, maxes] = this.columns;
    const last = ts.length - 1;
    if (last < 0 || t > ts[last]) {
      ts.push(t);
      means.push(num(mean));
      p99s.push(num(p99));
      maxes.push(num(max));
      return;
    }
    const i = lowerBound(ts, t);
    if (ts[i] === t) {
      means[i] = num(mean);
      p99s[i] = num(p99);
      maxes[i] = num(max);
    } else if (i > 0 || ts.length < this.capacity) {
      ts.splice(i, 0, t);
      means.splice(i, 0, num(mean));
      p99s.splice(i, 0, num(p99));
      maxes.splice(i, 0, num(max));
    }
  }

  /** Drops the points before `tMillis`. */
  dropBefore(tMillis) {
    const i = lowerBound(this.columns[0], tMillis);
    if (i > 0) for (const column of this.columns) column.splice(0, i);
  }

  trim(size) {
    const excess = this.length - size;
    if (excess > 0) for (const column of this.columns) column.splice(0, excess);
  }

  /** The columns, for uPlot.setData (shared, not copied: do not modify). */
  data() {
    return this.columns;
  }
}

function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
