package io.tickwatch.schemas.topic;

import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerde;
import io.tickwatch.schemas.serde.Subjects;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of the catalogue: its name, who writes and reads it, how it is keyed, what its values
 * are and how Kafka keeps it. Instances are immutable; the catalogue is {@link Topics}.
 *
 * @param name topic name, always starting with {@code tickwatch.}
 * @param owner module that owns the topic's contract and is its main producer
 * @param producers who writes the topic (modules or services)
 * @param keyDescription what the UTF-8 string key is, for example "host id"
 * @param valueType class of the values: a generated Avro class for every topic except the schema
 *     registry's store
 * @param partitions number of partitions
 * @param retentionMs how long Kafka keeps records, in milliseconds; -1 for ever (compacted topics)
 * @param compacted whether the topic is compacted (latest value per key) rather than deleted by age
 * @param consumers who reads the topic
 * @param description one sentence on what the topic carries
 * @param <V> value type
 */
public record TopicSpec<V>(
    String name,
    String owner,
    List<String> producers,
    String keyDescription,
    Class<V> valueType,
    int partitions,
    long retentionMs,
    boolean compacted,
    List<String> consumers,
    String description) {

  /** Prefix of every Tickwatch topic name. */
  public static final String PREFIX = "tickwatch.";

  /** Validates the spec. */
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(keyDescription, "keyDescription");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(description, "description");
    producers = List.copyOf(producers);
    consumers = List.copyOf(consumers);
    if (!name.startsWith(PREFIX)) {
      throw new IllegalArgumentException("topic name must start with " + PREFIX + ": " + name);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be >= 1, got " + partitions);
    }
    if (retentionMs < -1 || retentionMs == 0) {
      throw new IllegalArgumentException(
          name + ": retentionMs must be > 0 or -1 (for ever), got " + retentionMs);
    }
  }

  /** The registry subject of the values, {@code <name>-value}. */
  public String valueSubject() {
    return Subjects.valueSubject(name);
  }

  /** Whether the values are Avro records of a generated class. */
  public boolean isAvro() {
    return SpecificRecord.class.isAssignableFrom(valueType);
  }

  /** The Avro schema of the values, or empty for a topic whose values are not Avro. */
  public Optional<Schema> valueSchema() {
    return isAvro()
        ? Optional.of(SpecificData.getForClass(valueType).getSchema(valueType))
        : Optional.empty();
  }

  /**
   * The .avsc file the value schema is generated from, relative to {@code schemas/src/main/avro},
   * for example {@code topics/SampleBatch.avsc}; empty for a topic whose values are not Avro.
   */
  public Optional<String> valueSchemaFile() {
    return isAvro()
        ? Optional.of("topics/" + valueType.getSimpleName() + ".avsc")
        : Optional.empty();
  }

  /**
   * The Kafka topic configuration: {@code cleanup.policy} and, for topics deleted by age, {@code
   * retention.ms}.
   */
  public Map<String, String> topicConfigs() {
    if (compacted) {
      return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    return Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG,
        Long.toString(retentionMs));
  }

  /** An Admin {@link NewTopic} with this spec's partitions and configuration. */
  public NewTopic toNewTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor).configs(topicConfigs());
  }

  /**
   * A Kafka Streams serde for the values, on a client the caller owns.
   *
   * @throws IllegalStateException when the values are not Avro
   */
  public AvroSerde<V> valueSerde(SchemaRegistryClient client) {
    if (!isAvro()) {
      throw new IllegalStateException(name + " does not carry Avro values");
    }
    return new AvroSerde<>(client, valueType);
  }
}
