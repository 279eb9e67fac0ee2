package io.tickwatch.stats.rolling;

/**
 * The statistics of one series over one window, in the series' unit. Every value is NaN when {@code
 * count == 0} except {@code count}, {@code sum} and {@code ratePerSecond} (0).
 *
 * @param count number of observations
 * @param sum sum of the observations
 * @param mean arithmetic mean
 * @param min smallest observation
 * @param max largest observation
 * @param stddev population standard deviation (estimated from the sketch for latency series)
 * @param ratePerSecond values per second (sampled) or observations per second (latency) over the
 *     window length
 * @param p50 median from the sketch, within the sketch's relative accuracy
 * @param p95 95th percentile from the sketch
 * @param p99 99th percentile from the sketch
 * @param p999 99.9th percentile from the sketch
 */
public record RollingSummary(
    long count,
    double sum,
    double mean,
    double min,
    double max,
    double stddev,
    double ratePerSecond,
    double p50,
    double p95,
    double p99,
    double p999) {}
