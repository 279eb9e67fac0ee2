package io.tickwatch.streams.app;

import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.streams.query.KafkaStreamsDirectory;
import io.tickwatch.streams.query.LocalSeriesReader;
import io.tickwatch.streams.query.QueryServer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology as a Kafka Streams application with its interactive-query HTTP server. The only
 * place that creates {@link KafkaStreams}; embeddable (no {@code main}, no {@code System.exit}).
 *
 * <p>Lifecycle: {@link #create} binds the query port and configures Kafka Streams without starting
 * anything; {@link #start()} starts the stream threads and serving; {@link #close()} stops both
 * (idempotent, bounded by the configured close timeout). State stores live in {@link
 * StreamsAppConfig#stateDir()} and survive restarts: the runner never calls {@code cleanUp()}.
 *
 * <p>Guarantees set here: {@code exactly_once_v2}; a stream thread that dies of an unexpected
 * exception is replaced ({@code REPLACE_THREAD}) rather than taking the application down, except
 * for authentication and authorization failures, which stop the application ({@code
 * SHUTDOWN_CLIENT}, state ERROR) because a new thread would fail the same way for ever;
 * deserialization and processing error handling comes from the topology's own properties (the
 * dead-letter settings).
 */
public final class StreamsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final StreamsAppConfig config;
  private final Properties properties;
  private final QueryServer queryServer;
  private final KafkaStreams streams;
  private final LocalSeriesReader reader;
  private volatile boolean started;
  private volatile boolean closed;

  private StreamsApp(
      StreamsAppConfig config,
      Properties properties,
      QueryServer queryServer,
      KafkaStreams streams,
      LocalSeriesReader reader) {
    this.config = config;
    this.properties = properties;
    this.queryServer = queryServer;
    this.streams = streams;
    this.reader = reader;
  }

  /**
   * Creates the application without starting it.
   *
   * @param config runner configuration
   * @param topology the topology to run
   * @param topologyProperties properties the topology needs (its recommended settings: dead-letter
   *     handlers, RocksDB bounds, ...); applied after the runner's defaults, before the config's
   *     Kafka overrides
   * @param readers builds the local store reader of the query server from the application
   * @throws java.io.UncheckedIOException when the query port is taken
   */
  public static StreamsApp create(
      StreamsAppConfig config,
      Topology topology,
      Properties topologyProperties,
      Function<KafkaStreams, LocalSeriesReader> readers) {
    Objects.requireNonNull(topology, "topology");
    QueryServer queryServer =
        QueryServer.bind(config.queryHost(), config.queryPort(), InstantSource.system());
    try {
      Properties properties =
          streamsProperties(
              config,
              topologyProperties,
              queryServer.hostInfo().host() + ":" + queryServer.hostInfo().port());
      KafkaStreams streams = new KafkaStreams(topology, properties);
      streams.setUncaughtExceptionHandler(
          exception -> {
            if (securityFailure(exception)) {
              // a new thread would fail the same way, for ever: stop with the reason instead
              LOG.error(
                  "Stream thread failed to authenticate or is not authorized; stopping {}",
                  config.applicationId(),
                  exception);
              return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            LOG.error("Stream thread died, replacing it", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          });
      streams.setStateListener(
          (newState, oldState) ->
              LOG.info("{}: {} -> {}", config.applicationId(), oldState, newState));
      return new StreamsApp(config, properties, queryServer, streams, readers.apply(streams));
    } catch (RuntimeException e) {
      queryServer.close();
      throw e;
    }
  }

  /** Whether the failure (or a cause) is Kafka refusing our credentials or permissions. */
  static boolean securityFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
        return true;
      }
    }
    return false;
  }

  /** The Kafka Streams properties of a configuration (exposed for tests and diagnostics). */
  public static Properties streamsProperties(
      StreamsAppConfig config, Properties topologyProperties, String applicationServer) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
    properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
    if (topologyProperties != null) {
      properties.putAll(topologyProperties);
    }
    properties.putAll(config.kafkaOverrides());
    // the runner's guarantees and identity are applied last: neither the topology nor an override
    // can weaken them
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    properties.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrl());
    return properties;
  }

  /** Starts the stream threads and the query server. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    if (closed) {
      throw new IllegalStateException("already closed");
    }
    queryServer.start(reader, new KafkaStreamsDirectory(() -> streams, queryServer.hostInfo()));
    streams.start();
    started = true;
    LOG.info(
        "Streams app {} started: {} thread(s), state in {}, queries on {}",
        config.applicationId(),
        config.numStreamThreads(),
        config.stateDir(),
        queryServer.url());
  }

  /**
   * Waits until the application is RUNNING.
   *
   * @return true when running, false when the timeout passed or the application failed first
   */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      KafkaStreams.State state = streams.state();
      if (state == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (state == KafkaStreams.State.ERROR
          || state == KafkaStreams.State.PENDING_ERROR
          || state == KafkaStreams.State.NOT_RUNNING) {
        return false;
      }
      synchronized (this) {
        wait(50);
      }
    }
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** The current Kafka Streams state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The application, for metrics and metadata. Do not close it directly. */
  public KafkaStreams streams() {
    return streams;
  }

  /** Base URL of the interactive-query server, for example {@code http://127.0.0.1:8082}. */
  public String queryUrl() {
    return queryServer.url();
  }

  public StreamsAppConfig config() {
    return config;
  }

  /** The effective Kafka Streams properties (a copy). */
  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  /**
   * Stops the stream threads (within the close timeout) and the query server. Idempotent. The
   * instance leaves its consumer group, so the other instances take over its tasks at once instead
   * of after the session timeout; its state directory stays for a later restart.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean stopped =
        streams.close(
            CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(config.closeTimeout()));
    if (!stopped) {
      LOG.warn(
          "Streams app {} did not stop within {}", config.applicationId(), config.closeTimeout());
    }
    queryServer.close();
    LOG.info("Streams app {} closed", config.applicationId());
  }
}
