package io.tickwatch.schemas.registry.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaStore} in a compacted, single-partition Kafka topic (default {@value
 * #DEFAULT_TOPIC}), with JSON keys and values shaped like Confluent's {@code _schemas} topic.
 *
 * <p>{@link #start()} creates the topic when missing (1 partition, {@code cleanup.policy=compact},
 * replication factor min(3, brokers)) and reads it from the beginning to its end offset, so ids and
 * versions survive restarts. {@link #append} produces with {@code acks=all} and idempotence and
 * waits for the acknowledgement.
 *
 * <p>Single writer: the store does not elect a leader or fence other writers. Exactly one embedded
 * registry may use a topic at a time; this is the single-machine default, and production setups
 * point {@code schema.registry.url} at a real registry instead.
 *
 * <p>Not thread-safe for concurrent {@link #append} calls; the registry serialises its writes.
 */
public final class KafkaSchemaStore implements SchemaStore {

  /** The topic Tickwatch stores schemas in. */
  public static final String DEFAULT_TOPIC = "tickwatch.schemas";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String bootstrapServers;
  private final String topic;
  private final Duration timeout;
  private final Map<String, Object> clientOverrides;
  private KafkaProducer<byte[], byte[]> producer;
  private long nextOffset;

  /**
   * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port]}
   * @param topic the compacted topic to use
   * @param timeout bound for each Kafka operation (topic creation, reading to the end, one write)
   * @param clientOverrides extra client properties (security settings and the like) for the admin,
   *     consumer and producer
   */
  public KafkaSchemaStore(
      String bootstrapServers,
      String topic,
      Duration timeout,
      Map<String, Object> clientOverrides) {
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clientOverrides = Map.copyOf(clientOverrides);
  }

  /** A store on {@value #DEFAULT_TOPIC} with a 30 s timeout and no extra client properties. */
  public KafkaSchemaStore(String bootstrapServers) {
    this(bootstrapServers, DEFAULT_TOPIC, Duration.ofSeconds(30), Map.of());
  }

  @Override
  public List<StoreEntry> start() {
    ensureTopic();
    List<StoreEntry> entries = readToEnd();
    producer = new KafkaProducer<>(producerConfig());
    LOG.info("Schema store {} loaded {} entries", describe(), entries.size());
    return entries;
  }

  @Override
  public void append(StoreEntry entry) {
    if (producer == null) {
      throw new IllegalStateException("KafkaSchemaStore.start() was not called");
    }
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, 0, StoreCodec.key(entry), StoreCodec.value(entry));
    try {
      long offset = producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
      if (offset != nextOffset) {
        // only this registry should write here: a gap means another writer, and possibly reused ids
        LOG.error(
            "Another writer appended to {} (expected offset {}, wrote at {}): run one embedded"
                + " registry per schemas topic, ids may conflict",
            describe(),
            nextOffset,
            offset);
      }
      nextOffset = offset + 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaStoreException("Interrupted while writing to " + describe(), e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new SchemaStoreException("Could not write to " + describe() + ": " + cause, cause);
    }
  }

  @Override
  public String describe() {
    return "topic " + topic + " at " + bootstrapServers;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(timeout);
      producer = null;
    }
  }

  private void ensureTopic() {
    Map<String, Object> adminConfig = clientConfig(AdminClientConfig.CLIENT_ID_CONFIG, "admin");
    adminConfig.putIfAbsent(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    adminConfig.putIfAbsent(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
    Admin admin = Admin.create(adminConfig);
    try {
      int brokers =
          admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      short replication = (short) Math.max(1, Math.min(3, brokers));
      NewTopic newTopic =
          new NewTopic(topic, Optional.of(1), Optional.of(replication))
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Created schemas topic {} (replication {})", topic, replication);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      TopicDescription description =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .get(topic);
      if (description.partitions().size() != 1) {
        throw new SchemaStoreException(
            "Schemas topic "
                + topic
                + " has "
                + description.partitions().size()
                + " partitions; it must have exactly 1 so that the registry reads facts in order");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaStoreException("Interrupted while preparing " + describe(), e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new SchemaStoreException(
          "Could not create or describe " + describe() + ": " + cause, cause);
    } finally {
      // bounded: an unreachable cluster must not hold start() for the admin's default minute
      admin.close(timeout);
    }
  }

  private List<StoreEntry> readToEnd() {
    TopicPartition partition = new TopicPartition(topic, 0);
    Map<String, StoreEntry> latestByKey = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
      nextOffset = end;
      long deadlineNanos = System.nanoTime() + timeout.toNanos();
      while (consumer.position(partition, timeout) < end) {
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new SchemaStoreException(
              "Timed out after " + timeout + " reading " + describe() + " to offset " + end);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          Optional<StoreEntry> entry = StoreCodec.decode(record.key(), record.value());
          latestByKey.remove(key);
          entry.ifPresent(e -> latestByKey.put(key, e));
        }
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new SchemaStoreException("Timed out reading " + describe() + ": " + e.getMessage(), e);
    }
    return new ArrayList<>(latestByKey.values());
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = clientConfig(ConsumerConfig.CLIENT_ID_CONFIG, "reader");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return config;
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = clientConfig(ProducerConfig.CLIENT_ID_CONFIG, "writer");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    return config;
  }

  private Map<String, Object> clientConfig(String clientIdKey, String role) {
    Map<String, Object> config = new HashMap<>(clientOverrides);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.putIfAbsent(clientIdKey, "tickwatch-schema-registry-" + role);
    return config;
  }
}
