package io.tickwatch.producer.profile;

/**
 * Measures what profiling costs right now. Called about once a second by the profiler's thread,
 * with {@code profiling} telling whether any session is running (a meter learns its baseline while
 * none is). The guard's input: tests inject a meter that returns chosen readings.
 */
@FunctionalInterface
public interface OverheadMeter {

  /** The overhead measured since the previous call. */
  OverheadReading read(boolean profiling);
}
