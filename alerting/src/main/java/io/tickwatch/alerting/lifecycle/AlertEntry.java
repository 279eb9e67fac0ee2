package io.tickwatch.alerting.lifecycle;

import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertAcknowledgement;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.Severity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mutable state of one alert inside the engine; confined to the engine's thread. */
final class AlertEntry {
  final String fingerprint;
  AlertState state = AlertState.PENDING;
  Severity severity = Severity.WARNING;
  String hostId = "";
  Map<String, String> labels = new TreeMap<>();
  Map<String, String> annotations = new TreeMap<>();
  double score;
  long startsAtMillis;
  Long endsAtMillis;
  long updatedAtMillis;
  long anomalyCount;
  String groupKey = "";
  boolean flapping;
  List<String> silencedBy = List.of();
  List<String> inhibitedBy = List.of();
  AlertAcknowledgement acknowledgement;
  Long lastNotifiedAtMillis;
  int notificationCount;

  /** Engine clock of the latest active anomaly. */
  long lastActiveMillis;

  /** Engine clock when this episode became PENDING. */
  long pendingSinceMillis;

  /** Engine clock when the condition cleared (recovery event); null while it holds. */
  Long clearedAtMillis;

  /** Engine clock of recent state changes, for flap detection. */
  final Deque<Long> stateChangesMillis = new ArrayDeque<>();

  long nextSequence;

  AlertEntry(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  static AlertEntry restore(Alert alert, long nextSequence) {
    AlertEntry e = new AlertEntry(alert.getFingerprint());
    e.state = alert.getState();
    e.severity = alert.getSeverity();
    e.hostId = alert.getHostId();
    e.labels = new TreeMap<>(alert.getLabels());
    e.annotations = new TreeMap<>(alert.getAnnotations());
    e.score = alert.getScore();
    e.startsAtMillis = alert.getStartsAtMillis().toEpochMilli();
    e.endsAtMillis =
        alert.getEndsAtMillis() == null ? null : alert.getEndsAtMillis().toEpochMilli();
    e.updatedAtMillis = alert.getUpdatedAtMillis().toEpochMilli();
    e.anomalyCount = alert.getAnomalyCount();
    e.groupKey = alert.getGroupKey();
    e.flapping = alert.getFlapping();
    e.silencedBy = List.copyOf(alert.getSilencedBy());
    e.inhibitedBy = List.copyOf(alert.getInhibitedBy());
    e.acknowledgement = alert.getAcknowledgement();
    e.lastNotifiedAtMillis =
        alert.getLastNotifiedAtMillis() == null
            ? null
            : alert.getLastNotifiedAtMillis().toEpochMilli();
    e.notificationCount = alert.getNotificationCount();
    e.lastActiveMillis = e.updatedAtMillis;
    e.pendingSinceMillis = e.updatedAtMillis;
    e.nextSequence = nextSequence;
    return e;
  }

  Alert toAlert() {
    return Alert.newBuilder()
        .setFingerprint(fingerprint)
        .setState(state)
        .setSeverity(severity)
        .setHostId(hostId)
        .setLabels(new TreeMap<>(labels))
        .setAnnotations(new TreeMap<>(annotations))
        .setScore(score)
        .setStartsAtMillis(Instant.ofEpochMilli(startsAtMillis))
        .setEndsAtMillis(endsAtMillis == null ? null : Instant.ofEpochMilli(endsAtMillis))
        .setUpdatedAtMillis(Instant.ofEpochMilli(updatedAtMillis))
        .setAnomalyCount(anomalyCount)
        .setGroupKey(groupKey)
        .setFlapping(flapping)
        .setSilencedBy(new ArrayList<>(silencedBy))
        .setInhibitedBy(new ArrayList<>(inhibitedBy))
        .setAcknowledgement(acknowledgement)
        .setLastNotifiedAtMillis(
            lastNotifiedAtMillis == null ? null : Instant.ofEpochMilli(lastNotifiedAtMillis))
        .setNotificationCount(notificationCount)
        .build();
  }
}
