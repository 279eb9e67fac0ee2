package io.tickwatch.alerting.model;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The identifying labels of an alert, derived from the anomaly that opened it. */
public final class AlertLabels {
  /** Label names every alert carries. */
  public static final String ALERTNAME = "alertname";

  public static final String HOST = "host";
  public static final String METRIC = "metric";
  public static final String DETECTOR = "detector";
  public static final String SEVERITY = "severity";
  public static final String CLUSTER = "cluster";

  private AlertLabels() {}

  /**
   * Series labels plus alertname ({@code <metric>:<detector>}), host, metric, detector, cluster
   * (when set) and severity (lower case), sorted by name.
   */
  public static Map<String, String> of(AnomalyEvent event, Severity severity) {
    Map<String, String> labels = new TreeMap<>();
    event.getLabels().forEach((k, v) -> labels.put(k.toString(), v.toString()));
    labels.put(ALERTNAME, event.getMetric() + ":" + event.getDetector());
    labels.put(HOST, event.getHostId().toString());
    labels.put(METRIC, event.getMetric().toString());
    labels.put(DETECTOR, event.getDetector().toString());
    if (!event.getCluster().toString().isEmpty()) {
      labels.put(CLUSTER, event.getCluster().toString());
    }
    labels.put(SEVERITY, severity.name().toLowerCase(java.util.Locale.ROOT));
    return labels;
  }

  /** Lower-case hex SHA-256 (first 16 bytes) of the text: stable keys for groups. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Plain {@code String} copy of an Avro map (whose keys and values may be Utf8). */
  public static Map<String, String> strings(Map<? extends CharSequence, ? extends CharSequence> m) {
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k.toString(), v.toString()));
    return out;
  }
}
