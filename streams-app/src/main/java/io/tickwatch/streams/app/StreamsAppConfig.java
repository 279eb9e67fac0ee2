package io.tickwatch.streams.app;

import io.tickwatch.streams.common.ConfigValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Configuration of the streams-app runner ({@link StreamsApp}). Build it with {@link #defaults()},
 * {@link #from(Function)} (a key lookup: environment, properties, CLI options) or the record
 * constructor plus the {@code withXxx} methods; every path validates all fields and reports every
 * problem in one {@link IllegalArgumentException}.
 *
 * @param applicationId Kafka Streams {@code application.id}: consumer group, prefix of internal
 *     topics and name of the state directory
 * @param bootstrapServers Kafka cluster, {@code host:port[,host:port...]}
 * @param schemaRegistryUrl base URL of the schema registry
 * @param dataDir data directory; state stores live in {@code <dataDir>/streams/<applicationId>}
 * @param numStreamThreads stream threads of this instance, 1..64
 * @param standbyReplicas warm replicas of every state store on other instances, 0..8
 * @param queryHost interface the interactive-query HTTP server binds to (and advertises)
 * @param queryPort port of the interactive-query HTTP server, 0 for an ephemeral one
 * @param closeTimeout how long {@link StreamsApp#close()} waits for the threads to stop
 * @param kafkaOverrides raw Kafka Streams / client properties applied last (for example {@code
 *     commit.interval.ms}); the runner's guarantees ({@code processing.guarantee}, the exception
 *     handlers) are reported as errors when overridden here
 */
public record StreamsAppConfig(
    String applicationId,
    String bootstrapServers,
    String schemaRegistryUrl,
    Path dataDir,
    int numStreamThreads,
    int standbyReplicas,
    String queryHost,
    int queryPort,
    Duration closeTimeout,
    Map<String, String> kafkaOverrides) {

  /** Prefix of every lookup key of {@link #from(Function)}. */
  public static final String PREFIX = "tickwatch.app.";

  public static final String APPLICATION_ID = PREFIX + "application-id";
  public static final String BOOTSTRAP_SERVERS = PREFIX + "bootstrap-servers";
  public static final String SCHEMA_REGISTRY_URL = PREFIX + "schema-registry-url";
  public static final String DATA_DIR = PREFIX + "data-dir";
  public static final String NUM_STREAM_THREADS = PREFIX + "num-stream-threads";
  public static final String STANDBY_REPLICAS = PREFIX + "standby-replicas";
  public static final String QUERY_HOST = PREFIX + "query-host";
  public static final String QUERY_PORT = PREFIX + "query-port";
  public static final String CLOSE_TIMEOUT = PREFIX + "close-timeout";

  /** The configuration's name in error messages. */
  private static final String WHAT = "streams-app";

  /** Keys starting with this prefix are passed to Kafka Streams without the prefix. */
  public static final String KAFKA_PREFIX = PREFIX + "kafka.";

  public static final String DEFAULT_APPLICATION_ID = "tickwatch-stats";

  /** Default port of the interactive-query HTTP server (DESIGN.md fixes 9092/9093/8081/8080). */
  public static final int DEFAULT_QUERY_PORT = 8082;

  /** Properties the runner owns; overriding them through {@code kafkaOverrides} is an error. */
  static final List<String> PROTECTED_KAFKA_KEYS =
      List.of(
          "application.id",
          "bootstrap.servers",
          "state.dir",
          "processing.guarantee",
          "application.server");

  public StreamsAppConfig {
    kafkaOverrides = kafkaOverrides == null ? null : Map.copyOf(kafkaOverrides);
    ConfigValues.requireNone(
        WHAT,
        validate(
            applicationId,
            bootstrapServers,
            schemaRegistryUrl,
            dataDir,
            numStreamThreads,
            standbyReplicas,
            queryHost,
            queryPort,
            closeTimeout,
            kafkaOverrides));
  }

  /** Local defaults: localhost:9092, http://localhost:8081, ./tickwatch-data, 127.0.0.1:8082. */
  public static StreamsAppConfig defaults() {
    return from(key -> null);
  }

  /**
   * Reads the configuration from a key lookup ({@link #PREFIX}{@code ...} keys; a missing or blank
   * value takes the default). Raw Kafka properties are passed with {@link #KAFKA_PREFIX} when the
   * lookup also enumerates keys; use {@link #from(Map)} for that.
   *
   * @throws IllegalArgumentException listing every invalid value
   */
  public static StreamsAppConfig from(Function<String, String> lookup) {
    return parse(lookup, Map.of());
  }

  /** Like {@link #from(Function)}, reading also {@link #KAFKA_PREFIX} keys from the map. */
  public static StreamsAppConfig from(Map<String, String> properties) {
    Map<String, String> overrides = new TreeMap<>();
    properties.forEach(
        (key, value) -> {
          if (key.startsWith(KAFKA_PREFIX)) {
            overrides.put(key.substring(KAFKA_PREFIX.length()), value);
          }
        });
    return parse(properties::get, overrides);
  }

  private static StreamsAppConfig parse(
      Function<String, String> lookup, Map<String, String> overrides) {
    ConfigValues values = new ConfigValues(lookup);
    String applicationId = values.text(APPLICATION_ID, DEFAULT_APPLICATION_ID);
    String bootstrap = values.text(BOOTSTRAP_SERVERS, "localhost:9092");
    String registry = values.text(SCHEMA_REGISTRY_URL, "http://localhost:8081");
    Path dataDir = values.path(DATA_DIR, Path.of("tickwatch-data"));
    int threads = values.integer(NUM_STREAM_THREADS, 1);
    int standbys = values.integer(STANDBY_REPLICAS, 0);
    String queryHost = values.text(QUERY_HOST, "127.0.0.1");
    int queryPort = values.integer(QUERY_PORT, DEFAULT_QUERY_PORT);
    Duration closeTimeout = values.duration(CLOSE_TIMEOUT, Duration.ofSeconds(30));
    List<String> problems = values.problems();
    problems.addAll(
        validate(
            applicationId,
            bootstrap,
            registry,
            dataDir,
            threads,
            standbys,
            queryHost,
            queryPort,
            closeTimeout,
            overrides));
    ConfigValues.requireNone(WHAT, problems);
    return new StreamsAppConfig(
        applicationId,
        bootstrap,
        registry,
        dataDir,
        threads,
        standbys,
        queryHost,
        queryPort,
        closeTimeout,
        overrides);
  }

  /** Directory of this application's state stores: {@code <dataDir>/streams}. */
  public Path stateDir() {
    return dataDir.resolve("streams");
  }

  public StreamsAppConfig withApplicationId(String newApplicationId) {
    return new StreamsAppConfig(
        newApplicationId,
        bootstrapServers,
        schemaRegistryUrl,
        dataDir,
        numStreamThreads,
        standbyReplicas,
        queryHost,
        queryPort,
        closeTimeout,
        kafkaOverrides);
  }

  public StreamsAppConfig withCluster(String newBootstrapServers, String newSchemaRegistryUrl) {
    return new StreamsAppConfig(
        applicationId,
        newBootstrapServers,
        newSchemaRegistryUrl,
        dataDir,
        numStreamThreads,
        standbyReplicas,
        queryHost,
        queryPort,
        closeTimeout,
        kafkaOverrides);
  }

  public StreamsAppConfig withDataDir(Path newDataDir) {
    return new StreamsAppConfig(
        applicationId,
        bootstrapServers,
        schemaRegistryUrl,
        newDataDir,
        numStreamThreads,
        standbyReplicas,
        queryHost,
        queryPort,
        closeTimeout,
        kafkaOverrides);
  }

  public StreamsAppConfig withQueryPort(int newQueryPort) {
    return new StreamsAppConfig(
        applicationId,
        bootstrapServers,
        schemaRegistryUrl,
        dataDir,
        numStreamThreads,
        standbyReplicas,
        queryHost,
        newQueryPort,
        closeTimeout,
        kafkaOverrides);
  }

  public StreamsAppConfig withThreads(int newNumStreamThreads, int newStandbyReplicas) {
    return new StreamsAppConfig(
        applicationId,
        bootstrapServers,
        schemaRegistryUrl,
        dataDir,
        newNumStreamThreads,
        newStandbyReplicas,
        queryHost,
        queryPort,
        closeTimeout,
        kafkaOverrides);
  }

  /** A copy whose Kafka overrides are these, on top of the existing ones. */
  public StreamsAppConfig withKafkaOverrides(Map<String, String> moreOverrides) {
    Map<String, String> merged = new TreeMap<>(kafkaOverrides);
    merged.putAll(moreOverrides);
    return new StreamsAppConfig(
        applicationId,
        bootstrapServers,
        schemaRegistryUrl,
        dataDir,
        numStreamThreads,
        standbyReplicas,
        queryHost,
        queryPort,
        closeTimeout,
        merged);
  }

  private static List<String> validate(
      String applicationId,
      String bootstrapServers,
      String schemaRegistryUrl,
      Path dataDir,
      int numStreamThreads,
      int standbyReplicas,
      String queryHost,
      int queryPort,
      Duration closeTimeout,
      Map<String, String> kafkaOverrides) {
    List<String> problems = new ArrayList<>();
    if (applicationId == null || !applicationId.matches("[a-zA-Z0-9._-]{1,200}")) {
      problems.add(APPLICATION_ID + ": '" + applicationId + "' must be 1..200 of [a-zA-Z0-9._-]");
    }
    if (bootstrapServers == null || !bootstrapServers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*")) {
      problems.add(BOOTSTRAP_SERVERS + ": '" + bootstrapServers + "' is not HOST:PORT[,...]");
    }
    if (schemaRegistryUrl == null || !schemaRegistryUrl.matches("https?://\\S+")) {
      problems.add(SCHEMA_REGISTRY_URL + ": '" + schemaRegistryUrl + "' is not an http(s) URL");
    }
    if (dataDir == null) {
      problems.add(DATA_DIR + ": required");
    }
    if (numStreamThreads < 1 || numStreamThreads > 64) {
      problems.add(NUM_STREAM_THREADS + ": must be in 1..64, was " + numStreamThreads);
    }
    if (standbyReplicas < 0 || standbyReplicas > 8) {
      problems.add(STANDBY_REPLICAS + ": must be in 0..8, was " + standbyReplicas);
    }
    if (queryHost == null || queryHost.isBlank()) {
      problems.add(QUERY_HOST + ": required");
    }
    if (queryPort < 0 || queryPort > 65535) {
      problems.add(QUERY_PORT + ": must be in 0..65535, was " + queryPort);
    }
    if (closeTimeout == null || closeTimeout.isNegative() || closeTimeout.isZero()) {
      problems.add(CLOSE_TIMEOUT + ": must be positive, was " + closeTimeout);
    }
    if (kafkaOverrides == null) {
      problems.add("kafka overrides: must not be null");
    } else {
      for (String key : PROTECTED_KAFKA_KEYS) {
        if (kafkaOverrides.containsKey(key)) {
          problems.add(
              KAFKA_PREFIX + key + ": set by the runner, use the tickwatch.app.* key instead");
        }
      }
    }
    return problems;
  }

  @Override
  public String toString() {
    return "StreamsAppConfig[applicationId="
        + applicationId
        + ", bootstrapServers="
        + bootstrapServers
        + ", schemaRegistryUrl="
        + schemaRegistryUrl
        + ", dataDir="
        + dataDir
        + ", threads="
        + numStreamThreads
        + ", standbys="
        + standbyReplicas
        + ", query="
        + queryHost
        + ":"
        + queryPort
        + ", overrides="
        + Objects.requireNonNullElse(kafkaOverrides, Map.of()).keySet()
        + "]";
  }
}
