package io.tickwatch.producer.profile;

import java.time.Instant;

/**
 * Maps JFR event times (wall-clock {@link Instant}s) onto the {@link System#nanoTime()} clock the
 * game ticks are measured with, through one offset: first estimated from {@link Instant#now()}
 * (JFR's wall-clock conversion can differ from it by milliseconds), then taken from {@link
 * ClockAnchorEvent}s, which pair a JFR timestamp with a nanoTime reading exactly. Thread-safe.
 */
final class JfrClock {
  private volatile long epochMinusNanoTime;

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

  /**
   * Re-anchors on a pair of readings of the same instant (a {@link ClockAnchorEvent}): its JFR time
   * and its {@link System#nanoTime()}. Exact to JFR's tick resolution, and it follows any drift
   * between the two clocks.
   */
  void anchor(Instant jfrTime, long nanoTime) {
    epochMinusNanoTime = epochNanos(jfrTime) - nanoTime;
  }

  /** The nanoTime value of an instant. */
  long toNanoTime(Instant instant) {
    return epochNanos(instant) - epochMinusNanoTime;
  }

  private static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
