package io.tickwatch.cli.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one topic (every partition, no consumer group, nothing committed) and hands each record
 * that passes the filters to a sink as one JSON line: {@code {"topic", "partition", "offset",
 * "timestamp", "key", "value"}}. Values in the Confluent wire format are decoded with their writer
 * schema from the registry; a value that cannot be decoded is printed with {@code "error"} and its
 * bytes (base64) instead of stopping.
 */
public final class TopicTailer {

  /**
   * What to read.
   *
   * @param topic any topic
   * @param fromBeginning start at the earliest offsets, else at the end (new records only)
   * @param maxRecords stop after printing this many, 0 for no limit
   * @param filters {@code field=value} filters, all must match
   */
  public record Request(
      String topic,
      String bootstrapServers,
      boolean fromBeginning,
      long maxRecords,
      List<String> filters) {
    public Request {
      Objects.requireNonNull(topic, "topic");
      filters = List.copyOf(filters);
    }
  }

  private final SchemaRegistryClient registry;

  /**
   * @param registry registry client for Avro values; owned by the caller
   */
  public TopicTailer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /**
   * Prints until {@code maxRecords} lines were printed or {@code stop} says so (checked between
   * polls).
   *
   * @return the number of lines printed
   * @throws IllegalArgumentException for a bad filter or a topic that does not exist
   */
  public long run(Request request, Consumer<String> sink, BooleanSupplier stop) {
    List<RecordFilter> filters = request.filters().stream().map(RecordFilter::parse).toList();
    AvroDeserializer<GenericRecord> avro = AvroDeserializer.generic(registry);
    long printed = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                request.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG,
                "tickwatch-tail"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      var infos = consumer.partitionsFor(request.topic(), Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("topic " + request.topic() + " does not exist");
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      if (request.fromBeginning()) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      while (!stop.getAsBoolean()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          JsonNode line = line(record, avro);
          if (filters.stream().allMatch(f -> f.matches(line))) {
            sink.accept(line.toString());
            printed++;
            if (request.maxRecords() > 0 && printed >= request.maxRecords()) {
              return printed;
            }
          }
        }
      }
    }
    return printed;
  }

  private static JsonNode line(
      ConsumerRecord<byte[], byte[]> record, AvroDeserializer<GenericRecord> avro) {
    ObjectNode line = RecordJson.MAPPER.createObjectNode();
    line.put("topic", record.topic());
    line.put("partition", record.partition());
    line.put("offset", record.offset());
    line.put("timestamp", record.timestamp());
    line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
    byte[] value = record.value();
    if (value == null) {
      line.putNull("value");
    } else if (value.length >= WireFormat.HEADER_SIZE_BYTES && value[0] == WireFormat.MAGIC_BYTE) {
      try {
        line.set("value", RecordJson.toJson(avro.deserialize(record.topic(), value)));
      } catch (SerializationException e) {
        line.put("error", e.getMessage());
        line.put("valueBase64", java.util.Base64.getEncoder().encodeToString(value));
      }
    } else {
      line.set("value", RecordJson.text(value));
    }
    return line;
  }
}
