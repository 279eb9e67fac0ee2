package io.tickwatch.stats.anomaly;

/**
 * The memory-leak detector's view after a sample.
 *
 * @param slopePerSecond least-squares slope, value units (e.g. percent) per second
 * @param slopeLowerBoundPerSecond one-sided lower confidence bound of the slope
 * @param fittedValue the trend line's value at the newest sample
 * @param timeToExhaustionMillis projected time until the trend reaches the capacity at the fitted
 *     slope; {@link Long#MAX_VALUE} when the slope is not significantly positive; 0 when already at
 *     capacity
 * @param leaking whether the slope is significantly positive at the configured confidence
 */
public record LeakAssessment(
    double slopePerSecond,
    double slopeLowerBoundPerSecond,
    double fittedValue,
    long timeToExhaustionMillis,
    boolean leaking)
    implements java.io.Serializable {

  /** Not enough data yet. */
  public static final LeakAssessment UNKNOWN =
      new LeakAssessment(Double.NaN, Double.NaN, Double.NaN, Long.MAX_VALUE, false);
}
