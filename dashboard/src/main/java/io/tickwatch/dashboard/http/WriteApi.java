package io.tickwatch.dashboard.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.dashboard.upstream.UpstreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The actions: acknowledge, silence (forwarded to alerting) and control commands (Kafka). */
final class WriteApi {

  /** Names accepted for who acted: letters, digits, and {@code . _ @ -}. */
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Dashboard matcher keys and the alert label names they map to. */
  private static final Map<String, String> MATCHER_LABELS =
      Map.of(
          "hostId",
          "host",
          "host",
          "host",
          "metric",
          "metric",
          "severity",
          "severity",
          "alertname",
          "alertname",
          "fingerprint",
          "fingerprint");

  private final ApiContext api;

  WriteApi(ApiContext api) {
    this.api = api;
  }

  void acknowledge(Context ctx) throws UpstreamException {
    api.guard().check(ctx);
    JsonNode body = Json.body(ctx);
    String by = user(body);
    String comment = text(body, "comment", "");
    var alerting =
        api.alerting().orElseThrow(() -> new ApiException(503, "no alerting service configured"));
    Json.answer(ctx, 200, alerting.acknowledge(ctx.pathParam("fingerprint"), by, comment));
  }

  void silence(Context ctx) throws UpstreamException {
    api.guard().check(ctx);
    JsonNode body = Json.body(ctx);
    JsonNode matchers = body.get("matchers");
    if (matchers == null || !matchers.isObject() || matchers.isEmpty()) {
      throw new ApiException(
          400, "field 'matchers' must be an object such as {\"hostId\":\"host-1\"}");
    }
    List<String> list = new ArrayList<>();
    for (var it = matchers.fields(); it.hasNext(); ) {
      var e = it.next();
      String label = MATCHER_LABELS.get(e.getKey());
      if (label == null) {
        throw new ApiException(
            400, "unknown matcher '" + e.getKey() + "', use one of " + MATCHER_LABELS.keySet());
      }
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw new ApiException(400, "matcher '" + e.getKey() + "' needs a non-empty string");
      }
      list.add(label + "=" + e.getValue().asText());
    }
    JsonNode minutes = body.get("durationMinutes");
    if (minutes == null
        || !minutes.canConvertToLong()
        || minutes.asLong() < 1
        || minutes.asLong() > 7 * 24 * 60) {
      throw new ApiException(400, "field 'durationMinutes' must be an integer in [1, 10080]");
    }
    var alerting =
        api.alerting().orElseThrow(() -> new ApiException(503, "no alerting service configured"));
    Json.answer(
        ctx, 201, alerting.silence(list, minutes.asLong(), user(body), text(body, "comment", "")));
  }

  void profile(Context ctx) {
    api.guard().check(ctx);
    JsonNode body = Json.body(ctx);
    long duration = longField(body, "durationMillis", 30_000);
    long interval = longField(body, "samplingIntervalMillis", 10);
    ControlCommand command;
    try {
      command =
          api.commands()
              .startProfiling(
                  text(body, "hostId", null),
                  duration,
                  (int) Math.min(interval, 1_000_000),
                  user(body),
                  text(body, "alertFingerprint", null));
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, e.getMessage());
    }
    publish(ctx, command);
  }

  void shed(Context ctx) {
    api.guard().check(ctx);
    JsonNode body = Json.body(ctx);
    JsonNode fraction = body.get("fraction");
    if (fraction == null || !fraction.isNumber()) {
      throw new ApiException(400, "field 'fraction' must be a number in (0, 1]");
    }
    ControlCommand command;
    try {
      command =
          api.commands()
              .shedLoad(
                  text(body, "hostId", null),
                  fraction.asDouble(),
                  user(body),
                  text(body, "alertFingerprint", null));
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, e.getMessage());
    }
    publish(ctx, command);
  }

  private void publish(Context ctx, ControlCommand command) {
    var publisher =
        api.control().orElseThrow(() -> new ApiException(503, "no Kafka cluster configured"));
    try {
      publisher.publish(command);
    } catch (IllegalStateException e) {
      throw new ApiException(502, e.getMessage());
    }
    Json.answer(
        ctx,
        202,
        Map.of(
            "commandId", command.getCommandId(),
            "payloadType", command.getPayloadType(),
            "targetHostId", command.getTargetHostId()));
  }

  private static String user(JsonNode body) {
    String by = text(body, "by", "operator");
    if (!USER.matcher(by).matches()) {
      throw new ApiException(400, "field 'by' must be 1-64 of letters, digits, . _ @ -");
    }
    return by;
  }

  private static String text(JsonNode body, String field, String def) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return def;
    }
    if (!v.isTextual()) {
      throw new ApiException(400, "field '" + field + "' must be a string");
    }
    return v.asText();
  }

  private static long longField(JsonNode body, String field, long def) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return def;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new ApiException(400, "field '" + field + "' must be an integer");
    }
    return v.asLong();
  }
}
