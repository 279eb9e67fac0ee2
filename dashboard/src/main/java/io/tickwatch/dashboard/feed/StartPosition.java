package io.tickwatch.dashboard.feed;

import java.time.Duration;

/**
 * Where the feed starts reading a topic.
 *
 * @param fromBeginning read the whole topic (compacted topics: the current state)
 * @param lookback otherwise, start at the first record at or after now minus this
 */
public record StartPosition(boolean fromBeginning, Duration lookback) {

  /** The whole topic. */
  public static StartPosition beginning() {
    return new StartPosition(true, Duration.ZERO);
  }

  /** The records of the last {@code lookback}. */
  public static StartPosition last(Duration lookback) {
    return new StartPosition(false, lookback);
  }
}
