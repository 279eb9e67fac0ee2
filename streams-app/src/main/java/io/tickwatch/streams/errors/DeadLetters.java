package io.tickwatch.streams.errors;

import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.DeadLetterHeader;
import io.tickwatch.avro.FailureStage;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Builds {@link DeadLetter} records (Avro, Confluent wire format) for the dead-letter topic. Shared
 * by the exception handlers, which Kafka Streams creates by class name and configures with the
 * application's configuration:
 *
 * <ul>
 *   <li>{@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG} (KIP-1034): the topic,
 *       default {@code tickwatch.dead-letter};
 *   <li>{@value #REGISTRY_CLIENT_CONFIG}: a {@link SchemaRegistryClient} instance to use (tests,
 *       embedded runs), else {@value AvroSerdeConfig#SCHEMA_REGISTRY_URL} to create one.
 * </ul>
 *
 * <p>Thread-safe: the serializer and client are.
 */
public final class DeadLetters implements AutoCloseable {

  /** Config key of a {@link SchemaRegistryClient} object the handlers use instead of a URL. */
  public static final String REGISTRY_CLIENT_CONFIG = "tickwatch.dead-letter.registry-client";

  private final String topic;
  private final String applicationId;
  private final SchemaRegistryClient client;
  private final boolean ownsClient;
  private final AvroSerializer<DeadLetter> serializer;
  private final InstantSource clock;

  /** Dead letters for {@code topic}, serialized with {@code client} (owned by the caller). */
  public DeadLetters(
      String topic, String applicationId, SchemaRegistryClient client, InstantSource clock) {
    this(topic, applicationId, client, false, clock);
  }

  private DeadLetters(
      String topic,
      String applicationId,
      SchemaRegistryClient client,
      boolean ownsClient,
      InstantSource clock) {
    this.topic = topic;
    this.applicationId = applicationId == null ? "" : applicationId;
    this.client = client;
    this.ownsClient = ownsClient;
    this.serializer = new AvroSerializer<>(client, true);
    this.clock = clock;
  }

  /** Dead letters configured from a Kafka Streams configuration map (see the class comment). */
  public static DeadLetters fromConfigs(Map<String, ?> configs) {
    Object topicValue = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    String topic = topicValue == null ? Topics.DEAD_LETTER.name() : topicValue.toString();
    Object appId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    Object clientValue = configs.get(REGISTRY_CLIENT_CONFIG);
    if (clientValue instanceof SchemaRegistryClient client) {
      return new DeadLetters(
          topic, appId == null ? "" : appId.toString(), client, false, InstantSource.system());
    }
    AvroSerdeConfig serdeConfig = AvroSerdeConfig.fromMap(configs);
    return new DeadLetters(
        topic,
        appId == null ? "" : appId.toString(),
        new RestSchemaRegistryClient(serdeConfig.schemaRegistryUrl()),
        true,
        InstantSource.system());
  }

  /** The dead-letter topic. */
  public String topic() {
    return topic;
  }

  /**
   * The dead-letter record of one failed record, keyed by its source topic.
   *
   * @param sourceTopic topic the record was read from (null when unknown)
   * @param timestampMillis Kafka timestamp of the failed record, negative when unknown
   */
  public ProducerRecord<byte[], byte[]> record(
      FailureStage stage,
      String sourceTopic,
      int partition,
      long offset,
      long timestampMillis,
      String processorNodeId,
      byte[] key,
      byte[] value,
      Headers headers,
      Throwable error) {
    String source = sourceTopic == null ? "" : sourceTopic;
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic(source)
            .setSourcePartition(partition)
            .setSourceOffset(offset)
            .setSourceTimestampMillis(
                timestampMillis < 0 ? null : java.time.Instant.ofEpochMilli(timestampMillis))
            .setStage(stage)
            .setApplicationId(applicationId)
            .setProcessorNodeId(processorNodeId)
            .setReason(reason(error))
            .setExceptionClass(error.getClass().getName())
            .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
            .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
            .setOriginalHeaders(headers(headers))
            .setFailedAtMillis(clock.instant())
            .build();
    return new ProducerRecord<>(
        topic, null, source.getBytes(StandardCharsets.UTF_8), serializer.serialize(topic, letter));
  }

  /** The exception's message, or its class when it has none, with the causes' messages. */
  static String reason(Throwable error) {
    StringBuilder reason = new StringBuilder();
    Throwable t = error;
    int depth = 0;
    while (t != null && depth < 4) {
      if (reason.length() > 0) {
        reason.append(": caused by ");
      }
      reason.append(t.getMessage() == null ? t.getClass().getName() : t.getMessage());
      t = t.getCause() == t ? null : t.getCause();
      depth++;
    }
    return reason.toString();
  }

  private static List<DeadLetterHeader> headers(Headers headers) {
    List<DeadLetterHeader> out = new ArrayList<>();
    if (headers == null) {
      return out;
    }
    for (Header header : headers) {
      out.add(
          new DeadLetterHeader(
              header.key(), header.value() == null ? null : ByteBuffer.wrap(header.value())));
    }
    return out;
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
