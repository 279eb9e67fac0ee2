// Number and time formatting. Numbers from the server may be null (unknown), a JSON number, or a
// string such as "NaN" or "Infinity" for a statistic that cannot be computed yet.

/** A finite number, or null when the value is missing or not finite. */
export function num(value) {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Formats a number with up to `digits` significant fraction digits; "—" when unknown. */
export function fmt(value, digits = 2) {
  const n = num(value);
  if (n === null) return '—';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) return n.toExponential(2);
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Formats a p-value: scientific below 0.001. */
export function fmtP(value) {
  const n = num(value);
  if (n === null) return '—';
  if (n !== 0 && n < 1e-3) return n.toExponential(1);
  return n.toFixed(3);
}

/** Formats a number with a unit suffix. */
export function fmtUnit(value, unit, digits = 2) {
  const text = fmt(value, digits);
  return text === '—' || !unit ? text : text + ' ' + unit;
}

/**
 * Formats a latency held in milliseconds with a unit that keeps it readable: "350 µs" below 1 ms
 * (game-server action latencies are often microseconds), "12.5 ms", "1.25 s" from one second.
 */
export function fmtLatencyMillis(value) {
  const n = num(value);
  if (n === null) return '—';
  const abs = Math.abs(n);
  if (abs === 0) return '0 ms';
  if (abs < 0.9995) return (n * 1000).toLocaleString('en-US', { maximumFractionDigits: abs < 0.01 ? 2 : 0 }) + ' µs';
  if (abs < 999.95) return n.toLocaleString('en-US', { maximumFractionDigits: abs < 10 ? 2 : 1 }) + ' ms';
  return (n / 1000).toLocaleString('en-US', { maximumFractionDigits: 2 }) + ' s';
}

/** Formats a percentage held as 0..100. */
export function fmtPercent(value) {
  const n = num(value);
  return n === null ? '—' : n.toFixed(1) + ' %';
}

/** Wall-clock time of an epoch-millisecond timestamp, e.g. 14:03:07. */
export function fmtTime(epochMillis) {
  const n = num(epochMillis);
  if (n === null) return '—';
  return new Date(n).toLocaleTimeString('en-GB', { hour12: false });
}

/** How long ago an epoch-millisecond timestamp was, e.g. "3 s ago". */
export function fmtAgo(epochMillis, nowMillis = Date.now()) {
  const n = num(epochMillis);
  if (n === null) return 'never';
  const seconds = Math.max(0, Math.round((nowMillis - n) / 1000));
  if (seconds < 120) return seconds + ' s ago';
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return minutes + ' min ago';
  return Math.round(minutes / 60) + ' h ago';
}

/** Duration in milliseconds as "1.2 s" or "350 ms". */
export function fmtDuration(millis) {
  const n = num(millis);
  if (n === null) return '—';
  return n >= 1000 ? (n / 1000).toFixed(1) + ' s' : Math.round(n) + ' ms';
}

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/** Short axis label: 1.5k, 120k, 3.2M; small numbers as they are. */
export function fmtAxis(value) {
  const n = num(value);
  if (n === null) return '';
  const abs = Math.abs(n);
  if (abs >= 1e4) return COMPACT.format(n);
  if (abs !== 0 && abs < 1e-3) return n.toExponential(0);
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
