package io.tickwatch.producer.profile;

import java.time.Instant;

/**
 * Maps JFR event times (wall-clock {@link Instant}s) onto the {@link System#nanoTime()} clock the
 * game ticks are measured with, through one offset taken at construction (the smallest of a few
 * bracketed readings). Accurate to about a millisecond over a session; immutable.
 */
final class JfrClock {
  private final long epochMinusNanoTime;

  JfrClock() {
    long best = Long.MAX_VALUE;
    long offset = 0;
    for (int i = 0; i < 5; i++) {
      long before = System.nanoTime();
      long epochNanos = epochNanos(Instant.now());
      long after = System.nanoTime();
      if (after - before < best) {
        best = after - before;
        offset = epochNanos - (before + (after - before) / 2);
      }
    }
    this.epochMinusNanoTime = offset;
  }

  JfrClock(long epochMinusNanoTime) {
    this.epochMinusNanoTime = epochMinusNanoTime;
  }

  /** The nanoTime value of an instant. */
  long toNanoTime(Instant instant) {
    return epochNanos(instant) - epochMinusNanoTime;
  }

  private static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
