package io.tickwatch.schemas.testkit;

import java.time.Duration;
import java.time.Instant;

/**
 * Event times for tests that write to a real broker. A fixed epoch in the past is a trap: the
 * broker deletes a segment once its newest record timestamp is older than the topic's {@code
 * retention.ms} (7 days for {@code tickwatch.samples}, one hour for {@code tickwatch.stats-live}),
 * and its first retention check runs 30 s after it starts; a consumer still reading then is reset
 * to the new log start (the end) and silently sees no more data. Data stamped from the start of the
 * current hour is always inside every retention, and the hour boundary keeps every window size (1 s
 * to 1 h) aligned with the data. Records may then lie up to a test run's length in the future,
 * which brokers accept ({@code log.message.timestamp.after.max.ms} is one hour).
 */
public final class RecentTime {

  private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

  private RecentTime() {}

  /** The start of the hour containing {@code now}, in epoch milliseconds. */
  public static long hourStartMillis(Instant now) {
    long millis = now.toEpochMilli();
    return millis - Math.floorMod(millis, HOUR_MILLIS);
  }

  /** The start of the current hour, in epoch milliseconds. */
  public static long currentHourStartMillis() {
    return hourStartMillis(Instant.now());
  }
}
