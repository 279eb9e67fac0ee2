package io.tickwatch.dashboard.state;

import io.tickwatch.avro.RollingStats;

/**
 * The newest 1 s window of one series (early update or final).
 *
 * @param windowStartMillis window start, epoch milliseconds
 * @param windowEndMillis window end (exclusive), epoch milliseconds
 * @param count values in the window
 * @param mean mean (NaN when none)
 * @param p99 99th percentile (NaN when none)
 * @param max maximum (NaN when none)
 * @param ratePerSecond sum per second of window (NaN when none)
 * @param finalResult whether the window is closed
 */
public record LatestPoint(
    long windowStartMillis,
    long windowEndMillis,
    long count,
    double mean,
    double p99,
    double max,
    double ratePerSecond,
    boolean finalResult) {

  /** The point of a rolling-stats record. */
  public static LatestPoint of(RollingStats stats) {
    return new LatestPoint(
        stats.getWindowStartMillis().toEpochMilli(),
        stats.getWindowEndMillis().toEpochMilli(),
        stats.getCount(),
        stats.getMean(),
        stats.getP99(),
        stats.getMax(),
        stats.getRatePerSecond(),
        stats.getFinalResult());
  }

  /** True when this point should replace {@code other} as the newest. */
  public boolean supersedes(LatestPoint other) {
    return other == null
        || windowStartMillis > other.windowStartMillis
        || (windowStartMillis == other.windowStartMillis && (finalResult || !other.finalResult));
  }
}
