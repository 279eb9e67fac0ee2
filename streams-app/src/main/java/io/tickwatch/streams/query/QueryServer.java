package io.tickwatch.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.schemas.http.JdkHttpServers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive-query HTTP server of one streams-app instance (JDK {@code HttpServer}, JSON).
 *
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"status":"UP"}} when stores are queryable, else 503 with
 *       the Kafka Streams state.
 *   <li>{@code GET /api/v1/series?host=H&metric=M[&labels=k=v,..][&window=1s][&from=T][&to=T]}: the
 *       series' windows in {@code [from, to)} (default the last hour), from the instance that owns
 *       the series (found with {@code queryMetadataForKey}, forwarded to its {@code
 *       application.server}). 400 with a message for bad parameters, 503 while rebalancing or
 *       restoring, 502 when the owner does not answer.
 *   <li>{@code GET /api/v1/series/index}: every host, metric and series known to any instance
 *       ({@code streamsMetadataForStore}, each instance asked once).
 * </ul>
 *
 * <p>Lifecycle: {@link #bind} opens the socket (so {@link #hostInfo()} is known before Kafka
 * Streams is configured with it), {@link #start} begins serving, {@link #close} stops. Requests
 * forwarded by another instance carry {@code local=true} and are never forwarded again.
 */
public final class QueryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final HostInfo hostInfo;
  private final InstantSource clock;
  private final ExecutorService executor;
  private final HttpClient client;
  private volatile LocalSeriesReader reader;
  private volatile InstanceDirectory directory;
  private boolean started;

  private QueryServer(HttpServer server, HostInfo hostInfo, InstantSource clock) {
    this.server = server;
    this.hostInfo = hostInfo;
    this.clock = clock;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "tickwatch-query-http-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  }

  /**
   * Binds the server socket without serving yet.
   *
   * @param host interface to bind to, also advertised to other instances
   * @param port port, 0 for an ephemeral one
   * @throws UncheckedIOException when the port is taken
   */
  public static QueryServer bind(String host, int port, InstantSource clock) {
    try {
      HttpServer server = JdkHttpServers.create(new InetSocketAddress(host, port), 64);
      return new QueryServer(server, new HostInfo(host, server.getAddress().getPort()), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind the query server to " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The bound host and port: the value of {@code application.server}. */
  public HostInfo hostInfo() {
    return hostInfo;
  }

  /** Base URL, for example {@code http://127.0.0.1:8082}. */
  public String url() {
    return "http://" + hostInfo.host() + ":" + hostInfo.port();
  }

  /** Starts serving queries from {@code reader}, routed with {@code directory}. */
  public synchronized void start(LocalSeriesReader seriesReader, InstanceDirectory instances) {
    if (started) {
      throw new IllegalStateException("query server already started");
    }
    this.reader = seriesReader;
    this.directory = instances;
    server.setExecutor(executor);
    server.createContext("/health", exchange -> handle(exchange, this::health));
    server.createContext("/api/v1/series", exchange -> handle(exchange, this::route));
    server.start();
    started = true;
    LOG.info("Interactive queries on {}", url());
  }

  private interface Handler {
    Response handle(HttpExchange exchange, Map<String, String> params) throws IOException;
  }

  private record Response(int status, String body) {}

  private void handle(HttpExchange exchange, Handler handler) throws IOException {
    Response response;
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        response = error(405, "only GET is supported");
      } else {
        response = handler.handle(exchange, params(exchange.getRequestURI()));
      }
    } catch (IllegalArgumentException e) {
      response = error(400, e.getMessage());
    } catch (InvalidStateStoreException e) {
      response = error(503, "state stores are not queryable now (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      LOG.warn("Query {} failed", exchange.getRequestURI(), e);
      response = error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange
        .getResponseHeaders()
        .set("X-Tickwatch-Instance", hostInfo.host() + ":" + hostInfo.port());
    if (response.status() == 503) {
      exchange.getResponseHeaders().set("Retry-After", "1");
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Response health(HttpExchange exchange, Map<String, String> params) {
    ObjectNode node = JSON.createObjectNode();
    boolean up = directory.queryable();
    node.put("status", up ? "UP" : "DOWN");
    node.put("state", directory.state());
    node.put("instance", hostInfo.host() + ":" + hostInfo.port());
    return new Response(up ? 200 : 503, node.toString());
  }

  private Response route(HttpExchange exchange, Map<String, String> params) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/api/v1/series") || path.equals("/api/v1/series/")) {
      return series(params);
    }
    if (path.equals("/api/v1/series/index")) {
      return index(params);
    }
    return error(404, "no such endpoint: " + path);
  }

  private Response series(Map<String, String> params) {
    SeriesQuery query = SeriesRequests.parse(params, reader.windowSizes(), clock.instant());
    if (!directory.queryable()) {
      return notQueryable();
    }
    String store = reader.storeName(query);
    boolean local = "true".equals(params.get("local"));
    if (!local) {
      Optional<HostInfo> owner = directory.activeOwner(store, reader.storeKey(query));
      if (owner.isEmpty()) {
        return notQueryable();
      }
      if (!owner.get().equals(hostInfo)) {
        return forward(owner.get(), "/api/v1/series", params);
      }
    }
    List<RollingStats> stats = reader.read(query);
    return new Response(200, seriesJson(query, stats).toString());
  }

  private Response index(Map<String, String> params) {
    if (!directory.queryable()) {
      return notQueryable();
    }
    if ("true".equals(params.get("local"))) {
      return new Response(200, indexJson(reader.index(), List.of(self())).toString());
    }
    List<SeriesIndex> parts = new ArrayList<>();
    List<String> instances = new ArrayList<>();
    for (HostInfo instance : directory.instancesWithStore(reader.indexStoreName())) {
      instances.add(instance.host() + ":" + instance.port());
      if (instance.equals(hostInfo)) {
        parts.add(reader.index());
        continue;
      }
      Response answer = forward(instance, "/api/v1/series/index", Map.of());
      if (answer.status() != 200) {
        return answer;
      }
      parts.add(parseIndex(answer.body()));
    }
    if (instances.isEmpty()) {
      parts.add(reader.index());
      instances.add(self());
    }
    return new Response(200, indexJson(SeriesIndex.union(parts), instances).toString());
  }

  private String self() {
    return hostInfo.host() + ":" + hostInfo.port();
  }

  private Response forward(HostInfo owner, String path, Map<String, String> params) {
    Map<String, String> forwarded = new LinkedHashMap<>(params);
    forwarded.put("local", "true");
    String query =
        forwarded.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + path + "?" + query);
    try {
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(answer.statusCode(), answer.body());
    } catch (IOException e) {
      return error(502, "instance " + owner + " did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(503, "interrupted while asking " + owner);
    }
  }

  private Response notQueryable() {
    return error(
        503, "state stores are not queryable now (state " + directory.state() + "); retry shortly");
  }

  private static Response error(int status, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("status", status);
    node.put("error", message);
    return new Response(status, node.toString());
  }

  static ObjectNode seriesJson(SeriesQuery query, List<RollingStats> stats) {
    ObjectNode node = JSON.createObjectNode();
    node.put("host", query.host());
    node.put("metric", query.metric());
    ObjectNode labels = node.putObject("labels");
    query.labels().forEach(labels::put);
    node.put("window", SeriesRequests.label(query.windowSize()));
    node.put("windowMillis", query.windowSize().toMillis());
    node.put("from", query.fromMillis());
    node.put("to", query.toMillis());
    ArrayNode points = node.putArray("points");
    for (RollingStats record : stats) {
      SeriesPoint p = SeriesPoint.of(record);
      ObjectNode point = points.addObject();
      point.put("t", p.t());
      point.put("count", p.count());
      number(point, "mean", p.mean());
      number(point, "min", p.min());
      number(point, "max", p.max());
      number(point, "stddev", p.stddev());
      number(point, "p50", p.p50());
      number(point, "p95", p.p95());
      number(point, "p99", p.p99());
      number(point, "p999", p.p999());
      number(point, "rate", p.rate());
      point.put("hostCount", p.hostCount());
      point.put("final", p.finalResult());
    }
    return node;
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  static ObjectNode indexJson(SeriesIndex index, List<String> instances) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode hosts = node.putArray("hosts");
    index.hosts().forEach(hosts::add);
    ArrayNode metrics = node.putArray("metrics");
    index.metrics().forEach(metrics::add);
    ArrayNode series = node.putArray("series");
    index.series().forEach(series::add);
    ArrayNode from = node.putArray("instances");
    instances.forEach(from::add);
    return node;
  }

  static SeriesIndex parseIndex(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return new SeriesIndex(
          strings(node.get("hosts")), strings(node.get("metrics")), strings(node.get("series")));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable index from another instance: " + e.getMessage());
    }
  }

  private static SortedSet<String> strings(JsonNode array) {
    SortedSet<String> values = new TreeSet<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  static Map<String, String> params(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  /** Stops serving (waits up to one second for running exchanges) and frees the port. */
  @Override
  public synchronized void close() {
    server.stop(started ? 1 : 0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
