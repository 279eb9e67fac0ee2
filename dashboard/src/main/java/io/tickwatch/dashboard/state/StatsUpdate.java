package io.tickwatch.dashboard.state;

/**
 * A point that changed a series at one resolution (what the SSE "stats" event carries).
 *
 * @param key the series
 * @param resolution its resolution
 * @param t window start, epoch milliseconds
 * @param mean mean (NaN when none)
 * @param p99 99th percentile (NaN when none)
 * @param max maximum (NaN when none)
 */
public record StatsUpdate(
    SeriesKey key, Resolution resolution, long t, double mean, double p99, double max) {}
