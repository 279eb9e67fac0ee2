package io.tickwatch.dashboard.state;

import io.tickwatch.avro.RollingStats;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One series: host (or {@link #FLEET}), metric and labels (sorted by name).
 *
 * @param host host id, or {@code fleet} for the fleet-wide series
 * @param metric metric name, for example {@code tick.duration}
 * @param labels label values by label name, possibly empty
 */
public record SeriesKey(String host, String metric, SortedMap<String, String> labels) {

  /** Host id of the fleet-wide series (the streams app writes {@code hostId = null}). */
  public static final String FLEET = "fleet";

  public SeriesKey {
    labels = new TreeMap<>(labels);
  }

  /** A series without labels. */
  public static SeriesKey of(String host, String metric) {
    return new SeriesKey(host, metric, new TreeMap<>());
  }

  /** The series a rolling-stats record belongs to. */
  public static SeriesKey of(RollingStats stats) {
    String host = stats.getHostId() == null ? FLEET : stats.getHostId();
    return new SeriesKey(host, stats.getMetric(), new TreeMap<>(stats.getLabels()));
  }

  /** True for the fleet-wide series. */
  public boolean fleet() {
    return FLEET.equals(host);
  }

  /** {@code host/metric{k=v,...}}, the stats topics' key format (with {@code fleet} for *). */
  public String id() {
    StringBuilder out = new StringBuilder(host).append('/').append(metric);
    if (!labels.isEmpty()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, String> e : labels.entrySet()) {
        if (!first) {
          out.append(',');
        }
        out.append(e.getKey()).append('=').append(e.getValue());
        first = false;
      }
      out.append('}');
    }
    return out.toString();
  }
}
