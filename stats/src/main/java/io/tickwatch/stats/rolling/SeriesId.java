package io.tickwatch.stats.rolling;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A series: metric name plus labels (sorted by label name). Immutable.
 *
 * @param metric metric name, for example {@code tick.duration}
 * @param labels labels sorted by name, possibly empty
 */
public record SeriesId(String metric, SortedMap<String, String> labels) {

  /** The host id used in keys of fleet-wide series. */
  public static final String FLEET_HOST = "*";

  /** Validates and copies. */
  public SeriesId {
    Objects.requireNonNull(metric, "metric");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** A series from a metric name and any label map (copied and sorted). */
  public static SeriesId of(String metric, Map<String, String> labels) {
    return new SeriesId(metric, labels == null ? new TreeMap<>() : new TreeMap<>(labels));
  }

  /**
   * The record key of this series on one host: {@code <hostId>/<metric>}, followed by {@code
   * {k=v,...}} with the labels sorted by name when there are labels. Use {@link #FLEET_HOST} for
   * the fleet-wide series.
   */
  public String key(String hostId) {
    StringBuilder key = new StringBuilder(hostId.length() + metric.length() + 16);
    key.append(hostId).append('/').append(metric);
    if (!labels.isEmpty()) {
      key.append('{');
      boolean first = true;
      for (Map.Entry<String, String> label : labels.entrySet()) {
        if (!first) {
          key.append(',');
        }
        key.append(label.getKey()).append('=').append(label.getValue());
        first = false;
      }
      key.append('}');
    }
    return key.toString();
  }

  /** The key of the fleet-wide series: {@link #key(String)} with {@link #FLEET_HOST}. */
  public String fleetKey() {
    return key(FLEET_HOST);
  }
}
