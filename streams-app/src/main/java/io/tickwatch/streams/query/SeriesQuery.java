package io.tickwatch.streams.query;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One series query: the statistics of one series over {@code [fromMillis, toMillis)} at one window
 * size.
 *
 * @param host host id, or {@link #FLEET} for the fleet-wide aggregate
 * @param metric series name, for example {@code tick.duration}
 * @param labels labels of the series (empty when it has none)
 * @param windowSize window size, one of the topology's sizes
 * @param fromMillis start of the range (epoch ms, inclusive): windows starting at or after it
 * @param toMillis end of the range (epoch ms, exclusive)
 */
public record SeriesQuery(
    String host,
    String metric,
    SortedMap<String, String> labels,
    Duration windowSize,
    long fromMillis,
    long toMillis) {

  /** Host id of the fleet-wide aggregate. */
  public static final String FLEET = "*";

  public SeriesQuery {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(windowSize, "windowSize");
    labels = new TreeMap<>(labels == null ? Map.of() : labels);
    if (fromMillis >= toMillis) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** Whether this asks for the fleet-wide aggregate. */
  public boolean fleet() {
    return FLEET.equals(host);
  }
}
