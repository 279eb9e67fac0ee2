package io.tickwatch.alerting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tickwatch.alerting.AlertingConfig;
import io.tickwatch.alerting.model.AlertJson;
import io.tickwatch.alerting.model.LabelMatcher;
import io.tickwatch.alerting.silence.Silence;
import io.tickwatch.alerting.silence.Silencer;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.schemas.http.JdkHttpServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting HTTP API (JSON, JDK HttpServer). Routes are listed in {@code docs/ALERTING.md}.
 * Created bound, started by {@link #start()}. Bad input gets a 4xx with {@code {"error": "..."}}.
 */
public final class AlertingHttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertingHttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "/api/v1";

  /** What the API reads and changes; implemented by the service. */
  public interface Backend {
    List<Alert> alerts();

    List<AlertTransition> history(String fingerprint);

    List<AlertTransition> recentHistory(int limit);

    Silencer silencer();

    /** Adds a silence and persists it. */
    void addSilence(Silence silence);

    /** Expires a silence now and persists that; false when unknown. */
    boolean expireSilence(String id);

    /** Recent closed-loop actions, oldest first; only those of one alert when not null. */
    List<ActionAudit> actions(String fingerprintOrNull);

    /** Runs the acknowledgement on the engine's thread; false when no open alert matches. */
    CompletableFuture<Boolean> acknowledge(String fingerprint, String by, String comment);
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Backend backend;
  private final InstantSource clock;
  private final String allowedOrigin;

  /**
   * @param allowedOrigin the one browser origin allowed to call the API cross-origin (the
   *     dashboard, for example {@code http://127.0.0.1:8080}); null allows none
   */
  public AlertingHttpApi(
      String host, int port, Backend backend, InstantSource clock, String allowedOrigin)
      throws IOException {
    this.allowedOrigin = allowedOrigin;
    this.backend = backend;
    this.clock = clock;
    this.server = JdkHttpServers.create(new InetSocketAddress(host, port), 0);
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "alerting-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  /** The bound port (the real one when configured with 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (allowedOrigin != null && allowedOrigin.equals(origin)) {
      ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      ex.getResponseHeaders().set("Vary", "Origin");
    }
    if (ex.getRequestMethod().equals("OPTIONS")) {
      ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, DELETE");
      ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
      ex.sendResponseHeaders(204, -1);
      ex.close();
      return;
    }
    try {
      Object body = route(ex);
      int status = ex.getRequestMethod().equals("POST") && body instanceof Created ? 201 : 200;
      respond(ex, status, body instanceof Created c ? c.body() : body);
    } catch (HttpError e) {
      respond(ex, e.status, Map.of("error", e.getMessage()));
    } catch (Exception e) {
      LOG.warn("HTTP {} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
      respond(ex, 500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
    } finally {
      ex.close();
    }
  }

  private record Created(Object body) {}

  private Object route(HttpExchange ex) throws Exception {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    if (path.equals("/health")) {
      return Map.of("status", "UP");
    }
    if (!path.startsWith(PREFIX + "/")) {
      throw new HttpError(404, "no such resource: " + path);
    }
    List<String> parts = List.of(path.substring(PREFIX.length() + 1).split("/"));
    switch (parts.get(0)) {
      case "alerts" -> {
        if (parts.size() == 1) {
          requireMethod(method, "GET");
          return listAlerts(query.get("state"));
        }
        String fp = parts.get(1);
        if (parts.size() == 2) {
          requireMethod(method, "GET");
          Alert alert =
              backend.alerts().stream()
                  .filter(a -> a.getFingerprint().equals(fp))
                  .findFirst()
                  .orElseThrow(() -> new HttpError(404, "no alert " + fp));
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("alert", AlertJson.alert(alert));
          out.put("history", backend.history(fp).stream().map(AlertJson::transition).toList());
          out.put("actions", backend.actions(fp).stream().map(AlertJson::action).toList());
          return out;
        }
        if (parts.size() == 3 && parts.get(2).equals("ack")) {
          requireMethod(method, "POST");
          return acknowledge(fp, readJson(ex));
        }
        throw new HttpError(404, "no such resource: " + path);
      }
      case "history" -> {
        requireMethod(method, "GET");
        int limit = parseLimit(query.get("limit"));
        String fp = query.get("fingerprint");
        List<AlertTransition> list =
            fp != null ? backend.history(fp) : backend.recentHistory(limit);
        if (list.size() > limit) {
          list = list.subList(list.size() - limit, list.size());
        }
        return list.stream().map(AlertJson::transition).toList();
      }
      case "actions" -> {
        requireMethod(method, "GET");
        return backend.actions(query.get("fingerprint")).stream().map(AlertJson::action).toList();
      }
      case "silences" -> {
        if (parts.size() == 1 && method.equals("GET")) {
          long now = clock.millis();
          return backend.silencer().all().stream().map(s -> silenceJson(s, now)).toList();
        }
        if (parts.size() == 1 && method.equals("POST")) {
          Silence s = parseSilence(readJson(ex));
          backend.addSilence(s);
          return new Created(silenceJson(s, clock.millis()));
        }
        if (parts.size() == 2 && method.equals("DELETE")) {
          if (!backend.expireSilence(parts.get(1))) {
            throw new HttpError(404, "no silence " + parts.get(1));
          }
          return silenceJson(backend.silencer().get(parts.get(1)).orElseThrow(), clock.millis());
        }
        throw new HttpError(405, "method " + method + " not allowed on " + path);
      }
      default -> throw new HttpError(404, "no such resource: " + path);
    }
  }

  private List<Map<String, Object>> listAlerts(String state) throws HttpError {
    List<Alert> alerts = backend.alerts();
    if (state != null) {
      String wanted = state.toUpperCase(Locale.ROOT);
      if (!List.of("PENDING", "FIRING", "RESOLVED").contains(wanted)) {
        throw new HttpError(400, "state must be pending, firing or resolved");
      }
      alerts = alerts.stream().filter(a -> a.getState().name().equals(wanted)).toList();
    }
    return alerts.stream().map(AlertJson::alert).toList();
  }

  private Object acknowledge(String fp, JsonNode body) throws Exception {
    String by = text(body, "by");
    if (by == null || by.isBlank()) {
      throw new HttpError(400, "field 'by' (who acknowledges) is required");
    }
    String comment = Optional.ofNullable(text(body, "comment")).orElse("");
    boolean done = backend.acknowledge(fp, by, comment).get(10, TimeUnit.SECONDS);
    if (!done) {
      throw new HttpError(404, "no open (pending or firing) alert " + fp);
    }
    return Map.of("acknowledged", fp, "by", by);
  }

  private Silence parseSilence(JsonNode body) throws HttpError {
    JsonNode matchersNode = body.get("matchers");
    if (matchersNode == null || !matchersNode.isArray() || matchersNode.isEmpty()) {
      throw new HttpError(
          400, "field 'matchers' must be a non-empty array such as [\"host=web-1\"]");
    }
    List<LabelMatcher> matchers = new ArrayList<>();
    for (JsonNode m : matchersNode) {
      try {
        matchers.add(LabelMatcher.parse(m.asText()));
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, e.getMessage());
      }
    }
    long now = clock.millis();
    long starts = instant(body, "startsAt", now);
    long ends;
    if (body.hasNonNull("endsAt")) {
      ends = instant(body, "endsAt", now);
    } else if (body.hasNonNull("duration")) {
      try {
        Duration d = AlertingConfig.parseDuration(body.get("duration").asText());
        ends = starts + d.toMillis();
      } catch (RuntimeException e) {
        throw new HttpError(400, "field 'duration' must be a duration such as 30m or 2h");
      }
    } else {
      throw new HttpError(400, "give 'endsAt' (ISO-8601) or 'duration' (for example 2h)");
    }
    if (ends <= starts) {
      throw new HttpError(400, "the silence must end after it starts");
    }
    if (ends <= now) {
      throw new HttpError(400, "the silence would already be over");
    }
    String createdBy = text(body, "createdBy");
    if (createdBy == null || createdBy.isBlank()) {
      throw new HttpError(400, "field 'createdBy' is required");
    }
    return new Silence(
        UUID.randomUUID().toString(),
        matchers,
        starts,
        ends,
        createdBy,
        Optional.ofNullable(text(body, "comment")).orElse(""));
  }

  private static long instant(JsonNode body, String field, long def) throws HttpError {
    if (!body.hasNonNull(field)) {
      return def;
    }
    try {
      return Instant.parse(body.get(field).asText()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new HttpError(400, "field '" + field + "' must be an ISO-8601 instant");
    }
  }

  private static Map<String, Object> silenceJson(Silence s, long now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("matchers", s.matchers().stream().map(LabelMatcher::toString).toList());
    m.put("startsAt", Instant.ofEpochMilli(s.startsAtMillis()).toString());
    m.put("endsAt", Instant.ofEpochMilli(s.endsAtMillis()).toString());
    m.put("createdBy", s.createdBy());
    m.put("comment", s.comment());
    m.put("status", s.activeAt(now) ? "active" : now < s.startsAtMillis() ? "pending" : "expired");
    return m;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static JsonNode readJson(HttpExchange ex) throws HttpError, IOException {
    byte[] bytes = ex.getRequestBody().readNBytes(64 * 1024);
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new HttpError(400, "body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new HttpError(400, "body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static void requireMethod(String method, String allowed) throws HttpError {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "method " + method + " not allowed; use " + allowed);
    }
  }

  private static int parseLimit(String text) throws HttpError {
    if (text == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(text);
      if (n < 1 || n > 10_000) {
        throw new HttpError(400, "limit must be in [1, 10000]");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HttpError(400, "limit must be an integer");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void respond(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
