package io.tickwatch.cli.sim;

import java.util.Arrays;

/**
 * Exact percentiles of a set of tick durations.
 *
 * @param ticks number of ticks
 * @param p50Micros median tick time
 * @param p99Micros 99th percentile tick time
 * @param p999Micros 99.9th percentile tick time
 * @param meanMicros mean tick time
 */
public record TickSummary(
    long ticks, double p50Micros, double p99Micros, double p999Micros, double meanMicros) {

  /** Summarises durations in nanoseconds (the array is sorted in place). */
  public static TickSummary of(long[] durationsNanos) {
    if (durationsNanos.length == 0) {
      return new TickSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    Arrays.sort(durationsNanos);
    double sum = 0;
    for (long d : durationsNanos) {
      sum += d;
    }
    return new TickSummary(
        durationsNanos.length,
        at(durationsNanos, 0.50),
        at(durationsNanos, 0.99),
        at(durationsNanos, 0.999),
        sum / durationsNanos.length / 1000.0);
  }

  private static double at(long[] sorted, double q) {
    return sorted[(int) Math.floor(q * (sorted.length - 1))] / 1000.0;
  }
}
