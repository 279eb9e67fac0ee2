package io.tickwatch.dashboard.http;

import static io.tickwatch.dashboard.http.Json.num;

import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.dashboard.state.SeriesKey;
import io.tickwatch.dashboard.state.StatsUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of the API (maps, so field order is stable). */
public final class Views {

  private Views() {}

  /** An alert as in {@code GET /api/v1/alerts}. */
  public static Map<String, Object> alert(
      Alert a, List<ActionAudit> actions, String profileIdOrNull) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fingerprint", a.getFingerprint());
    m.put("state", a.getState().name());
    m.put("severity", a.getSeverity().name());
    m.put("hostId", a.getHostId());
    m.put("metric", a.getLabels().get("metric"));
    String summary = a.getAnnotations().get("summary");
    m.put("summary", summary != null ? summary : a.getLabels().getOrDefault("alertname", ""));
    m.put("startsAtMillis", a.getStartsAtMillis().toEpochMilli());
    m.put("endsAtMillis", a.getEndsAtMillis() == null ? null : a.getEndsAtMillis().toEpochMilli());
    m.put("updatedAtMillis", a.getUpdatedAtMillis().toEpochMilli());
    m.put("acknowledged", a.getAcknowledgement() != null);
    m.put(
        "acknowledgedBy",
        a.getAcknowledgement() == null ? null : a.getAcknowledgement().getAcknowledgedBy());
    m.put("silenced", !a.getSilencedBy().isEmpty());
    m.put("score", num(a.getScore()));
    m.put("flapping", a.getFlapping());
    m.put("labels", a.getLabels());
    m.put("actions", actions.stream().map(Views::action).toList());
    m.put("profileId", profileIdOrNull);
    return m;
  }

  /** An action audit entry. */
  public static Map<String, Object> action(ActionAudit a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("actionId", a.getActionId());
    m.put("action", a.getAction().name());
    m.put("outcome", a.getOutcome().name());
    m.put("hostId", a.getHostId());
    m.put("commandId", a.getCommandId());
    m.put("atMillis", a.getAtMillis().toEpochMilli());
    m.put("actor", a.getActor());
    m.put("reason", a.getReason());
    m.put("parameters", a.getParameters());
    return m;
  }

  /** The data of an SSE "stats" event. */
  public static Map<String, Object> stats(StatsUpdate u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", u.key().host());
    m.put("metric", u.key().metric());
    if (!u.key().labels().isEmpty()) {
      m.put("labels", u.key().labels());
    }
    m.put("resolution", u.resolution().label());
    m.put("t", u.t());
    m.put("mean", num(u.mean()));
    m.put("p99", num(u.p99()));
    m.put("max", num(u.max()));
    return m;
  }

  /** The coalescing key of a stats update: one pending event per series window. */
  public static String statsKey(StatsUpdate u) {
    SeriesKey k = u.key();
    return "s|" + k.id() + "|" + u.resolution().label() + "|" + u.t();
  }
}
