package io.tickwatch.producer.internal.record;

import io.tickwatch.stats.sketch.LogBucketSketch;

/**
 * The durations of one recorder over one publish interval, in microseconds.
 *
 * @param sketch bucket counts of the durations (count = number of durations)
 * @param sumMicros exact sum
 * @param minMicros exact minimum, NaN when empty
 * @param maxMicros exact maximum, NaN when empty
 */
public record BatchLatency(
    LogBucketSketch sketch, double sumMicros, double minMicros, double maxMicros) {

  /** Number of durations. */
  public long count() {
    return sketch.count();
  }
}
