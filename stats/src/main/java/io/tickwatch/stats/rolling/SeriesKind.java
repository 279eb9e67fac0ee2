package io.tickwatch.stats.rolling;

/** How a series was observed, which decides how its rate is computed. */
public enum SeriesKind {
  /**
   * Fixed-rate samples (one value per slot, NaN for none): the rate is the sum of the values per
   * second, which turns per-slot counters into per-second rates.
   */
  SAMPLED,
  /** Recorded durations from latency digests: the rate is the number of durations per second. */
  LATENCY
}
