package io.tickwatch.cli.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.alerting.AlertingConfig;
import io.tickwatch.alerting.AlertingService;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.producer.TickwatchAgent;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.testkit.KafkaChildProcess;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka security pass-through against a real broker (child process) whose client listener requires
 * SASL_PLAINTEXT / PLAIN: the agent (kafkaClientProperties), the rolling-stats streams app ({@code
 * tickwatch.app.kafka.*}) and the alerting service ({@code alerting.kafka.*}) authenticate with the
 * same credentials and the samples flow agent → broker → streams app → broker → an authenticated
 * consumer; wrong credentials fail fast with an authentication error.
 */
class SaslPassThroughIT {

  private static final String USER = "tickwatch";
  private static final String PASSWORD = "tw-secret";

  private static KafkaChildProcess kafka;
  private static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(KafkaChildProcess.supported(), "needs a Linux-like system for the child broker");
    kafka = KafkaChildProcess.startWithSaslPlain(Map.of(USER, PASSWORD, "admin", "admin-secret"));
    kafka.createCatalogueTopics(Topics.all());
    registry =
        EmbeddedSchemaRegistry.builder()
            .host("127.0.0.1")
            .port(0)
            .bootstrapServers(kafka.bootstrapServers())
            .inMemory()
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Map<String, String> sasl(String password) {
    return KafkaChildProcess.saslClientProperties(USER, password);
  }

  private static Map<String, String> prefixed(String prefix, Map<String, String> properties) {
    Map<String, String> out = new HashMap<>();
    properties.forEach((k, v) -> out.put(prefix + k, v));
    return out;
  }

  private static StreamsAppConfig streamsConfig(Path dataDir, String password) {
    Map<String, String> keys =
        new HashMap<>(prefixed(StreamsAppConfig.KAFKA_PREFIX, sasl(password)));
    keys.put(StreamsAppConfig.BOOTSTRAP_SERVERS, kafka.saslBootstrapServers());
    keys.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, registry.url());
    keys.put(StreamsAppConfig.DATA_DIR, dataDir.toString());
    keys.put(StreamsAppConfig.QUERY_PORT, "0");
    keys.put(StreamsAppConfig.CLOSE_TIMEOUT, "20s");
    keys.put(StreamsAppConfig.KAFKA_PREFIX + "commit.interval.ms", "200");
    return StreamsAppConfig.from(keys);
  }

  @Test
  void shouldRunAgentStreamsAppAndAlertingThroughSaslPlain(@TempDir Path dataDir) throws Exception {
    Map<String, String> alerting =
        new HashMap<>(prefixed(AlertingConfig.KAFKA_PREFIX, sasl(PASSWORD)));
    alerting.put("bootstrap.servers", kafka.saslBootstrapServers());
    alerting.put("schema.registry.url", registry.url());
    alerting.put("alerting.http.port", "0");
    try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        StreamsApp app =
            RollingStatsApp.create(
                streamsConfig(dataDir, PASSWORD), RollingStatsConfig.defaults(), client);
        // start() restores alerts, silences and history with authenticated consumers
        AlertingService service = AlertingService.create(AlertingConfig.fromMap(alerting)).start();
        TickwatchAgent agent =
            TickwatchAgent.builder("host-sasl")
                .bootstrapServers(kafka.saslBootstrapServers())
                .schemaRegistryUrl(registry.url())
                .kafkaClientProperties(sasl(PASSWORD))
                .build()
                .start()) {
      app.start();
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).as("streams app running").isTrue();

      RollingStats stats = awaitStatsOf("host-sasl", client);

      assertThat(stats.getCount()).isPositive();
      assertThat(stats.getWindowSizeMillis()).isEqualTo(1000);
      assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  @Test
  void shouldFailFastWithAnAuthenticationErrorOnWrongCredentials(@TempDir Path dataDir)
      throws Exception {
    Map<String, Object> props = new HashMap<>(sasl("wrong-password"));
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.saslBootstrapServers());
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      assertThatThrownBy(() -> consumer.partitionsFor(Topics.STATS.name(), Duration.ofSeconds(60)))
          .isInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("Invalid username or password");
    }

    try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        StreamsApp app =
            RollingStatsApp.create(
                streamsConfig(dataDir, "wrong-password"), RollingStatsConfig.defaults(), client)) {
      app.start();
      assertThat(app.awaitRunning(Duration.ofSeconds(90)))
          .as("a streams app with wrong credentials stops instead of retrying for ever")
          .isFalse();
      assertThat(app.state()).isIn(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR);
    }
  }

  private static RollingStats awaitStatsOf(String hostId, RestSchemaRegistryClient client) {
    Map<String, Object> props = new HashMap<>(sasl(PASSWORD));
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.saslBootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-it-reader");
    try (KafkaConsumer<String, RollingStats> consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), new AvroDeserializer<>(client, RollingStats.class))) {
      consumer.subscribe(List.of(Topics.STATS.name()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() - deadline < 0) {
        for (ConsumerRecord<String, RollingStats> record : consumer.poll(Duration.ofMillis(500))) {
          if (hostId.equals(record.value().getHostId())) {
            return record.value();
          }
        }
      }
    }
    throw new AssertionError("no rolling statistics of " + hostId + " within 120 s");
  }
}
