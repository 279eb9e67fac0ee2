package io.tickwatch.alerting.testing;

import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertAcknowledgement;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Ready-made notifications for notifier tests. */
public final class Notifications {
  public static final long T0 = 1_700_000_000_000L;

  private Notifications() {}

  public static Alert alert(String host, Severity severity, AlertState state) {
    return Alert.newBuilder()
        .setFingerprint("fp-" + host)
        .setState(state)
        .setSeverity(severity)
        .setHostId(host)
        .setLabels(
            Map.of(
                "alertname",
                "tick.duration:zscore",
                "host",
                host,
                "metric",
                "tick.duration",
                "severity",
                severity.name().toLowerCase(java.util.Locale.ROOT)))
        .setAnnotations(
            Map.of(
                "summary",
                "tick.duration on " + host + " is slow",
                "dashboardUrl",
                "http://127.0.0.1:8080/?host=" + host))
        .setScore(0.95)
        .setStartsAtMillis(Instant.ofEpochMilli(T0))
        .setEndsAtMillis(state == AlertState.RESOLVED ? Instant.ofEpochMilli(T0 + 60_000) : null)
        .setUpdatedAtMillis(Instant.ofEpochMilli(T0))
        .build();
  }

  public static Notification firing(String receiver) {
    return Notification.of(
        "root:{host=\"host-1\"}",
        Map.of("host", "host-1"),
        List.of(alert("host-1", Severity.CRITICAL, AlertState.FIRING)),
        List.of(receiver),
        T0 + 10_000,
        "http://127.0.0.1:8080/?host=host-1");
  }

  public static Notification resolved(String receiver) {
    return Notification.of(
        "root:{host=\"host-1\"}",
        Map.of("host", "host-1"),
        List.of(alert("host-1", Severity.CRITICAL, AlertState.RESOLVED)),
        List.of(receiver),
        T0 + 70_000,
        "http://127.0.0.1:8080/?host=host-1");
  }

  public static Notification acknowledged(String receiver) {
    Alert acked =
        Alert.newBuilder(alert("host-1", Severity.CRITICAL, AlertState.FIRING))
            .setAcknowledgement(
                AlertAcknowledgement.newBuilder()
                    .setAcknowledgedBy("alice")
                    .setAcknowledgedAtMillis(Instant.ofEpochMilli(T0 + 20_000))
                    .build())
            .build();
    return Notification.of(
        "root:{host=\"host-1\"}",
        Map.of("host", "host-1"),
        List.of(acked),
        List.of(receiver),
        T0 + 30_000,
        "http://127.0.0.1:8080/?host=host-1");
  }
}
