package io.tickwatch.alerting.testing;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.AnomalyEvidence;
import io.tickwatch.avro.Severity;
import java.time.Instant;
import java.util.Map;

/** Builds anomaly events for tests. */
public final class Anomalies {
  private Anomalies() {}

  /** An active anomaly of {@code host}'s metric, fingerprint {@code fp-<host>-<metric>}. */
  public static AnomalyEvent active(String host, String metric, Severity severity, long atMillis) {
    return event(host, metric, severity, 0.8, true, atMillis);
  }

  /** The recovery event of that series. */
  public static AnomalyEvent recovered(String host, String metric, long atMillis) {
    return event(host, metric, Severity.WARNING, 0.0, false, atMillis);
  }

  public static AnomalyEvent event(
      String host, String metric, Severity severity, double score, boolean active, long atMillis) {
    return AnomalyEvent.newBuilder()
        .setFingerprint(fingerprint(host, metric))
        .setHostId(host)
        .setCluster("eu")
        .setMetric(metric)
        .setLabels(Map.of())
        .setDetector("zscore")
        .setSeverity(severity)
        .setScore(score)
        .setActive(active)
        .setEventTimeMillis(Instant.ofEpochMilli(atMillis))
        .setEvidence(
            AnomalyEvidence.newBuilder()
                .setValue(42)
                .setBaseline(10)
                .setThreshold(30)
                .setDetails(Map.of())
                .build())
        .setMessage(metric + " on " + host + " is anomalous")
        .build();
  }

  public static String fingerprint(String host, String metric) {
    return "fp-" + host + "-" + metric;
  }
}
