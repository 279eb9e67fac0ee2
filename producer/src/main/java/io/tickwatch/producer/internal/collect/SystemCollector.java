package io.tickwatch.producer.internal.collect;

import java.util.List;

/** A source of one or more fixed-rate series, run by the sampler thread at its own cadence. */
public interface SystemCollector {

  /** Names of the series this collector fills, in the order of {@link #collect(long, double[])}. */
  List<String> seriesNames();

  /** Run every this many milliseconds; the sampler carries the values forward in between. */
  int cadenceMillis();

  /** Whether the host supports this collector; unavailable collectors' series are absent. */
  default boolean available() {
    return true;
  }

  /**
   * Reads the current values into {@code out} (one per series name; NaN for no reading).
   *
   * @param nowNanos the sampler's monotonic clock, for rates
   */
  void collect(long nowNanos, double[] out) throws Exception;

  /** Releases resources (open files, child processes). */
  default void close() {}
}
