package io.tickwatch.dashboard.state;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The resolutions the dashboard serves, with how many points of each it keeps per series. */
public enum Resolution {
  /** Raw 1 ms samples (the samples topic); the last 10 s. */
  MILLIS_1("1ms", 1, 10_000),
  /** 1 s rolling-stats windows; the last hour. */
  SECONDS_1("1s", 1000, 3600),
  /** 10 s rolling-stats windows; the last hour. */
  SECONDS_10("10s", 10_000, 360);

  private final String label;
  private final long millis;
  private final int capacity;

  Resolution(String label, long millis, int capacity) {
    this.label = label;
    this.millis = millis;
    this.capacity = capacity;
  }

  /** Label used in the API: {@code 1ms}, {@code 1s}, {@code 10s}. */
  public String label() {
    return label;
  }

  /** Width of one point in milliseconds. */
  public long millis() {
    return millis;
  }

  /** Points kept in memory per series. */
  public int capacity() {
    return capacity;
  }

  /** The resolution of a rolling-stats window size, if served. */
  public static Optional<Resolution> ofWindowMillis(long windowSizeMillis) {
    return Arrays.stream(values()).filter(r -> r.millis == windowSizeMillis).findFirst();
  }

  /**
   * Parses an API label.
   *
   * @throws IllegalArgumentException naming the valid labels
   */
  public static Resolution parse(String text) {
    for (Resolution r : values()) {
      if (r.label.equals(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "resolution must be one of "
            + Arrays.stream(values()).map(Resolution::label).collect(Collectors.joining(", "))
            + ", got '"
            + text
            + "'");
  }
}
