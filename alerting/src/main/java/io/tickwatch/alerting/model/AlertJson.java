package io.tickwatch.alerting.model;

import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertTransition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain JSON-ready maps of alerts and transitions (ISO-8601 instants), for webhooks and HTTP. */
public final class AlertJson {
  private AlertJson() {}

  public static Map<String, Object> alert(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fingerprint", a.getFingerprint());
    m.put("state", a.getState().name());
    m.put("severity", a.getSeverity().name());
    m.put("hostId", a.getHostId());
    m.put("labels", a.getLabels());
    m.put("annotations", a.getAnnotations());
    m.put("score", a.getScore());
    m.put("startsAt", iso(a.getStartsAtMillis()));
    m.put("endsAt", iso(a.getEndsAtMillis()));
    m.put("updatedAt", iso(a.getUpdatedAtMillis()));
    m.put("anomalyCount", a.getAnomalyCount());
    m.put("groupKey", a.getGroupKey());
    m.put("flapping", a.getFlapping());
    m.put("silencedBy", a.getSilencedBy());
    m.put("inhibitedBy", a.getInhibitedBy());
    if (a.getAcknowledgement() != null) {
      Map<String, Object> ack = new LinkedHashMap<>();
      ack.put("by", a.getAcknowledgement().getAcknowledgedBy());
      ack.put("at", iso(a.getAcknowledgement().getAcknowledgedAtMillis()));
      ack.put("comment", a.getAcknowledgement().getComment());
      m.put("acknowledgement", ack);
    } else {
      m.put("acknowledgement", null);
    }
    m.put("lastNotifiedAt", iso(a.getLastNotifiedAtMillis()));
    m.put("notificationCount", a.getNotificationCount());
    return m;
  }

  public static Map<String, Object> transition(AlertTransition t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fingerprint", t.getFingerprint());
    m.put("sequence", t.getSequence());
    m.put("kind", t.getKind().name());
    m.put("fromState", t.getFromState() == null ? null : t.getFromState().name());
    m.put("toState", t.getToState().name());
    m.put("severity", t.getSeverity().name());
    m.put("hostId", t.getHostId());
    m.put("labels", t.getLabels());
    m.put("at", iso(t.getAtMillis()));
    m.put("actor", t.getActor());
    m.put("reason", t.getReason());
    return m;
  }

  public static Map<String, Object> action(ActionAudit a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("actionId", a.getActionId());
    m.put("action", a.getAction().name());
    m.put("outcome", a.getOutcome().name());
    m.put("hostId", a.getHostId());
    m.put("alertFingerprint", a.getAlertFingerprint());
    m.put("severity", a.getSeverity() == null ? null : a.getSeverity().name());
    m.put("commandId", a.getCommandId());
    m.put("rollbackOfActionId", a.getRollbackOfActionId());
    m.put("at", iso(a.getAtMillis()));
    m.put("actor", a.getActor());
    m.put("reason", a.getReason());
    m.put("detail", a.getDetail());
    m.put("parameters", a.getParameters());
    return m;
  }

  /** ISO-8601 text of an instant, or null. */
  public static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
