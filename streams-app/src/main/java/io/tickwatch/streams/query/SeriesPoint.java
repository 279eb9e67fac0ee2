package io.tickwatch.streams.query;

import io.tickwatch.avro.RollingStats;

/**
 * One point of a series as the query API returns it: the statistics of one window. Values are in
 * the metric's unit; NaN (serialised as JSON null) when the window is empty.
 *
 * @param t window start, epoch milliseconds
 * @param windowEndMillis window end (exclusive), epoch milliseconds
 * @param count observations in the window
 * @param finalResult whether the window has closed (false: a still-open window's current value)
 */
public record SeriesPoint(
    long t,
    long windowEndMillis,
    long count,
    double mean,
    double min,
    double max,
    double stddev,
    double p50,
    double p95,
    double p99,
    double p999,
    double rate,
    int hostCount,
    boolean finalResult) {

  /** The point of one RollingStats record. */
  public static SeriesPoint of(RollingStats stats) {
    return new SeriesPoint(
        stats.getWindowStartMillis().toEpochMilli(),
        stats.getWindowEndMillis().toEpochMilli(),
        stats.getCount(),
        stats.getMean(),
        stats.getMin(),
        stats.getMax(),
        stats.getStddev(),
        stats.getP50(),
        stats.getP95(),
        stats.getP99(),
        stats.getP999(),
        stats.getRatePerSecond(),
        stats.getHostCount(),
        stats.getFinalResult());
  }
}
