package io.tickwatch.producer.profile;

/**
 * Receives finished reports. Called on the profiler's thread, never on a game thread; must not
 * block for long (the Kafka sink only writes the report to its spool and wakes its own thread).
 */
@FunctionalInterface
public interface ProfileSink {

  /** Takes one report. */
  void accept(ProfileReport report);
}
