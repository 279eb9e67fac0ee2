package io.tickwatch.schemas.registry.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.tickwatch.schemas.http.JdkHttpServers;
import io.tickwatch.schemas.registry.store.InMemorySchemaStore;
import io.tickwatch.schemas.registry.store.KafkaSchemaStore;
import io.tickwatch.schemas.registry.store.SchemaStore;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry serving the Confluent Schema Registry REST API subset that Tickwatch and
 * Confluent's own serializers use, over real HTTP (JDK {@code com.sun.net.httpserver}).
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry =
 *     EmbeddedSchemaRegistry.builder().bootstrapServers("localhost:9092").port(8081).build()) {
 *   registry.start();
 *   String url = registry.url(); // http://127.0.0.1:8081
 * }
 * }</pre>
 *
 * <p>Storage: by default the compacted topic {@value KafkaSchemaStore#DEFAULT_TOPIC}, so ids and
 * versions survive restarts; {@link Builder#inMemory()} keeps them in memory only. One embedded
 * registry per topic at a time (single writer); production points {@code schema.registry.url} at a
 * real registry.
 *
 * <p>Limits: request bodies over {@link Builder#maxRequestBytes(int)} (default {@value
 * #DEFAULT_MAX_REQUEST_BYTES} bytes = 1 MiB) are refused with 413. Only AVRO schemas, no schema
 * references, no deletes, no modes or contexts.
 *
 * <p>While {@link #start()} loads the store the port already answers 503 (error code 50301), which
 * clients retry.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} (idempotent) stops serving and releases the
 * store. Thread-safe.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

  /** Default limit of a request body: 1 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
  private static final int HTTP_THREADS = 4;

  private final String host;
  private final int requestedPort;
  private final int maxRequestBytes;
  private final SchemaStore store;
  private HttpServer server;
  private volatile HttpHandler handler;
  private ExecutorService executor;
  private boolean closed;

  private EmbeddedSchemaRegistry(Builder builder, SchemaStore store) {
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.maxRequestBytes = builder.maxRequestBytes;
    this.store = store;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port, loads the store and starts serving.
   *
   * @return this registry
   * @throws IllegalStateException when the port is already in use (the cause is a {@link
   *     BindException}) or when started twice
   * @throws io.tickwatch.schemas.registry.store.SchemaStoreException when the store cannot be
   *     loaded (for example Kafka is unreachable)
   */
  public synchronized EmbeddedSchemaRegistry start() {
    if (server != null || closed) {
      throw new IllegalStateException("Embedded schema registry can only be started once");
    }
    HttpServer bound;
    try {
      bound = JdkHttpServers.create(new InetSocketAddress(host, requestedPort), 0);
    } catch (BindException e) {
      throw new IllegalStateException(
          "Schema registry cannot listen on "
              + host
              + ":"
              + requestedPort
              + ": port already in use",
          e);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Schema registry cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(),
          e);
    }
    // Serve at once (503 until loaded) rather than leave a bound, unstarted server: an unstarted
    // JDK HttpServer keeps its port after stop() because its selector never deregisters it.
    executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
    bound.setExecutor(executor);
    bound.createContext("/", this::dispatch);
    bound.start();
    try {
      SchemaRegistryService service = new SchemaRegistryService(store);
      service.start();
      handler = new RegistryHttpHandler(service, maxRequestBytes);
    } catch (RuntimeException e) {
      bound.stop(0);
      executor.shutdownNow();
      store.close();
      throw e;
    }
    server = bound;
    LOG.info("Schema registry serving at {} ({})", url(), store.describe());
    return this;
  }

  /** The base URL, for example {@code http://127.0.0.1:8081}; available after {@link #start()}. */
  public synchronized String url() {
    return "http://" + urlHost() + ":" + port();
  }

  /** The bound port (the actual one when the builder asked for port 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("Embedded schema registry is not started");
    }
    return server.getAddress().getPort();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      store.close();
      LOG.info("Schema registry at port {} stopped", server.getAddress().getPort());
    } else {
      store.close();
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    HttpHandler ready = handler;
    if (ready != null) {
      ready.handle(exchange);
      return;
    }
    try (exchange) {
      byte[] body =
          "{\"error_code\":50301,\"message\":\"Schema registry is loading its store\"}"
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", RegistryHttpHandler.CONTENT_TYPE);
      exchange.sendResponseHeaders(503, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private String urlHost() {
    if (host.equals("0.0.0.0") || host.equals("::")) {
      return "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "tickwatch-registry-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Options of an {@link EmbeddedSchemaRegistry}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8081;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private String bootstrapServers;
    private String topic = KafkaSchemaStore.DEFAULT_TOPIC;
    private Duration kafkaTimeout = Duration.ofSeconds(30);
    private Map<String, Object> kafkaClientOverrides = Map.of();
    private boolean inMemory;
    private SchemaStore store;

    private Builder() {}

    /** Address to bind (default 127.0.0.1). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Port to bind (default 8081); 0 picks a free one, see {@link EmbeddedSchemaRegistry#port()}.
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
      }
      this.port = port;
      return this;
    }

    /** Kafka cluster holding the schemas topic. */
    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      return this;
    }

    /** Schemas topic (default {@value KafkaSchemaStore#DEFAULT_TOPIC}). */
    public Builder topic(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /** Bound of each Kafka operation of the store (default 30 s). */
    public Builder kafkaTimeout(Duration kafkaTimeout) {
      this.kafkaTimeout = Objects.requireNonNull(kafkaTimeout, "kafkaTimeout");
      return this;
    }

    /** Extra Kafka client properties for the store (security settings and the like). */
    public Builder kafkaClientOverrides(Map<String, Object> overrides) {
      this.kafkaClientOverrides = Map.copyOf(overrides);
      return this;
    }

    /** Keep schemas in memory only: no Kafka, nothing survives {@link #close()}. */
    public Builder inMemory() {
      this.inMemory = true;
      return this;
    }

    /** Use a custom store (takes precedence over Kafka and in-memory). */
    public Builder store(SchemaStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
    public Builder maxRequestBytes(int maxRequestBytes) {
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be positive");
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /**
     * @throws IllegalStateException when neither bootstrap servers, {@link #inMemory()} nor a store
     *     were given
     */
    public EmbeddedSchemaRegistry build() {
      SchemaStore chosen = store;
      if (chosen == null && inMemory) {
        chosen = new InMemorySchemaStore();
      }
      if (chosen == null) {
        if (bootstrapServers == null) {
          throw new IllegalStateException(
              "Embedded schema registry needs bootstrapServers(...) or inMemory()");
        }
        chosen = new KafkaSchemaStore(bootstrapServers, topic, kafkaTimeout, kafkaClientOverrides);
      }
      return new EmbeddedSchemaRegistry(this, chosen);
    }
  }
}
