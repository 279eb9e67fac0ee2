package io.tickwatch.dashboard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the dashboard server needs, validated at once.
 *
 * <p>Built from a key lookup ({@link #fromMap}); every key has a default except the Kafka
 * connection, without which the server runs with empty state (useful in tests of the HTTP layer).
 *
 * @param host interface to bind, {@code 127.0.0.1} by default
 * @param port TCP port, 8080 by default, 0 for an ephemeral one
 * @param token access token for control actions; empty: one is generated at start (only allowed on
 *     a loopback address)
 * @param bootstrapServers Kafka bootstrap servers; empty: no data feed
 * @param schemaRegistryUrl schema registry used to read the Avro topics
 * @param queryServerUrl the streams app's interactive-query server (history), empty: none
 * @param alertingUrl the alerting service's HTTP API (ack, silences), empty: none
 * @param statsLookback how far back the stats feed starts reading on start
 * @param sseFlushInterval how often pending events are pushed to SSE clients (at most 1 s)
 * @param sseHeartbeatInterval how often a comment heartbeat is sent to SSE clients
 * @param sseQueueBatches per-client queue bound, in flushed batches; a full queue drops the client
 * @param sseMaxClients concurrent SSE clients accepted; more get 503
 * @param maxSeries series kept in memory; further series are dropped and counted
 * @param readTokenAlways reads need the token on a loopback address too ({@code
 *     dashboard.read.token=always}); off loopback they always need it
 */
public record DashboardConfig(
    String host,
    int port,
    Optional<String> token,
    Optional<String> bootstrapServers,
    String schemaRegistryUrl,
    Optional<String> queryServerUrl,
    Optional<String> alertingUrl,
    Duration statsLookback,
    Duration sseFlushInterval,
    Duration sseHeartbeatInterval,
    int sseQueueBatches,
    int sseMaxClients,
    int maxSeries,
    boolean readTokenAlways) {

  public static final String HOST = "dashboard.host";
  public static final String PORT = "dashboard.port";
  public static final String TOKEN = "dashboard.token";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String QUERY_URL = "dashboard.query.url";
  public static final String ALERTING_URL = "dashboard.alerting.url";
  public static final String STATS_LOOKBACK_SECONDS = "dashboard.stats.lookback.seconds";
  public static final String SSE_FLUSH_MILLIS = "dashboard.sse.flush.millis";
  public static final String SSE_HEARTBEAT_SECONDS = "dashboard.sse.heartbeat.seconds";
  public static final String SSE_QUEUE_BATCHES = "dashboard.sse.queue.batches";
  public static final String SSE_MAX_CLIENTS = "dashboard.sse.max.clients";
  public static final String MAX_SERIES = "dashboard.max.series";
  public static final String READ_TOKEN = "dashboard.read.token";

  /** Checks the invariants of a config built in code. */
  public DashboardConfig {
    if (sseFlushInterval.isNegative()
        || sseFlushInterval.isZero()
        || sseFlushInterval.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("SSE flush interval must be in (0, 1s]");
    }
  }

  /** Defaults: loopback, port 8080, no Kafka feed, no upstream services. */
  public static DashboardConfig defaults() {
    return fromMap(Map.of());
  }

  /**
   * Builds a config from keys (see the constants); every problem is reported in one message.
   *
   * @throws IllegalArgumentException listing every invalid key
   */
  public static DashboardConfig fromMap(Map<String, String> values) {
    List<String> errors = new ArrayList<>();
    String host = text(values, HOST).orElse("127.0.0.1");
    int port = integer(values, PORT, 8080, 0, 65535, errors);
    Optional<String> token = text(values, TOKEN);
    token.ifPresent(
        t -> {
          if (t.length() < 16) {
            errors.add(TOKEN + ": an access token needs at least 16 characters");
          }
        });
    Optional<String> queryUrl = url(values, QUERY_URL, errors);
    Optional<String> alertingUrl = url(values, ALERTING_URL, errors);
    String registry = text(values, SCHEMA_REGISTRY_URL).orElse("http://localhost:8081");
    int lookbackSeconds = integer(values, STATS_LOOKBACK_SECONDS, 3600, 0, 7 * 24 * 3600, errors);
    int flushMillis = integer(values, SSE_FLUSH_MILLIS, 250, 10, 1000, errors);
    int heartbeatSeconds = integer(values, SSE_HEARTBEAT_SECONDS, 15, 1, 3600, errors);
    int queue = integer(values, SSE_QUEUE_BATCHES, 64, 1, 100_000, errors);
    int maxClients = integer(values, SSE_MAX_CLIENTS, 1000, 1, 100_000, errors);
    int maxSeries = integer(values, MAX_SERIES, 5000, 1, 1_000_000, errors);
    String readToken = text(values, READ_TOKEN).orElse("auto");
    if (!readToken.equals("auto") && !readToken.equals("always")) {
      errors.add(READ_TOKEN + ": must be auto or always, got '" + readToken + "'");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid dashboard config: " + String.join("; ", errors));
    }
    return new DashboardConfig(
        host,
        port,
        token,
        text(values, BOOTSTRAP_SERVERS),
        registry,
        queryUrl,
        alertingUrl,
        Duration.ofSeconds(lookbackSeconds),
        Duration.ofMillis(flushMillis),
        Duration.ofSeconds(heartbeatSeconds),
        queue,
        maxClients,
        maxSeries,
        readToken.equals("always"));
  }

  /** True when {@link #host()} is a loopback address (resolved). */
  public boolean loopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * True when the read endpoints (every {@code GET /api/...}, the stream, {@code /metrics}) need
   * the access token: always off loopback, on loopback only with {@code
   * dashboard.read.token=always}.
   */
  public boolean readsNeedToken() {
    return readTokenAlways || !loopback();
  }

  /** A copy with another port. */
  public DashboardConfig withPort(int newPort) {
    return new DashboardConfig(
        host,
        newPort,
        token,
        bootstrapServers,
        schemaRegistryUrl,
        queryServerUrl,
        alertingUrl,
        statsLookback,
        sseFlushInterval,
        sseHeartbeatInterval,
        sseQueueBatches,
        sseMaxClients,
        maxSeries,
        readTokenAlways);
  }

  private static Optional<String> text(Map<String, String> values, String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static Optional<String> url(Map<String, String> values, String key, List<String> errors) {
    Optional<String> value = text(values, key);
    if (value.isPresent()) {
      try {
        URI uri = URI.create(value.get());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          errors.add(key + ": needs an http(s) URL, got '" + value.get() + "'");
        }
      } catch (IllegalArgumentException e) {
        errors.add(key + ": not a URL: '" + value.get() + "'");
      }
    }
    return value.map(v -> v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
  }

  private static int integer(
      Map<String, String> values, String key, int def, int min, int max, List<String> errors) {
    Optional<String> value = text(values, key);
    if (value.isEmpty()) {
      return def;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed < min || parsed > max) {
        errors.add(key + ": must be in [" + min + ", " + max + "], got " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      errors.add(key + ": not an integer: '" + value.get() + "'");
      return def;
    }
  }
}
