package io.tickwatch.dashboard.browser;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real path for the browser tests: an in-JVM KRaft broker with every Tickwatch topic, an
 * in-memory schema registry, a producer that writes Avro records in the wire format the other
 * services use, and a {@link DashboardServer} on an ephemeral loopback port that reads them.
 */
final class DashboardFixture implements AutoCloseable {

  /** The access token the server is configured with. */
  static final String TOKEN = "browser-test-token-" + UUID.randomUUID();

  private final KafkaTestCluster cluster;
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final KafkaProducer<String, byte[]> producer;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();
  private final Map<String, AvroSerializer<?>> serializers = new HashMap<>();
  private DashboardServer server;

  private DashboardFixture(KafkaTestCluster cluster) {
    this.cluster = cluster;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // one request in flight keeps order without idempotent sequence numbers, which a broker that
    // has just created its partitions can answer with OUT_OF_ORDER_SEQUENCE_NUMBER for a while
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Starts the broker and creates every topic of the catalogue; the server starts later. */
  static DashboardFixture startBroker() {
    KafkaTestCluster cluster = KafkaTestCluster.start();
    try {
      cluster.createCatalogueTopics(Topics.all());
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return new DashboardFixture(cluster);
  }

  /** Sends a record (timestamp = event time) without waiting; {@link #flush} waits for all. */
  <V> void send(TopicSpec<V> topic, String key, V value, long timestampMillis) {
    @SuppressWarnings("unchecked")
    AvroSerializer<V> serializer =
        (AvroSerializer<V>)
            serializers.computeIfAbsent(topic.name(), name -> new AvroSerializer<>(registry, true));
    byte[] bytes = serializer.serialize(topic.name(), value);
    pending.add(
        producer.send(new ProducerRecord<>(topic.name(), null, timestampMillis, key, bytes)));
  }

  /** Waits until every record sent so far is acknowledged by the broker. */
  void flush() throws ExecutionException, InterruptedException {
    producer.flush();
    for (Future<RecordMetadata> f : pending) {
      f.get();
    }
    pending.clear();
  }

  /** Starts the dashboard on 127.0.0.1, port 0, reading the broker. */
  DashboardServer startServer() {
    DashboardConfig config =
        DashboardConfig.fromMap(
            Map.of(
                DashboardConfig.HOST, "127.0.0.1",
                DashboardConfig.PORT, "0",
                DashboardConfig.TOKEN, TOKEN,
                DashboardConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                DashboardConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1"));
    server = DashboardServer.create(config, InstantSource.system(), registry).start();
    return server;
  }

  /** The page's URL, ending with a slash. */
  String url() {
    return server.url() + "/";
  }

  /**
   * Reads the control topic from the beginning until {@code count} commands for this host were
   * seen, or the wait runs out (then returns what it saw).
   */
  List<ControlCommand> controlCommands(String hostId, int count, Duration wait) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "browser-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ControlCommand> out = new ArrayList<>();
    AvroDeserializer<ControlCommand> deserializer =
        new AvroDeserializer<>(registry, ControlCommand.class);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.CONTROL.name()));
      long deadline = System.nanoTime() + wait.toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          ControlCommand command = deserializer.deserialize(r.topic(), r.value());
          if (hostId.equals(command.getTargetHostId())) {
            out.add(command);
          }
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      try {
        producer.close(Duration.ofSeconds(5));
      } finally {
        cluster.close();
      }
    }
  }
}
