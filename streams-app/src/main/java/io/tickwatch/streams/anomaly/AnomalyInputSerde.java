package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the internal by-host topic: tag byte 0 then a {@code RollingStats} record in the
 * Confluent wire format (registered under the stats topic's subject, which exists already), or tag
 * byte 1, the rule id (length-prefixed UTF-8), a presence byte and the rule JSON (UTF-8).
 */
final class AnomalyInputSerde implements Serde<AnomalyInput> {
  private static final byte STATS = 0;
  private static final byte RULE = 1;

  private final AvroSerde<RollingStats> stats;
  private final String statsSubjectTopic;

  AnomalyInputSerde(AvroSerde<RollingStats> stats, String statsSubjectTopic) {
    this.stats = stats;
    this.statsSubjectTopic = statsSubjectTopic;
  }

  @Override
  public Serializer<AnomalyInput> serializer() {
    Serializer<RollingStats> inner = stats.serializer();
    return (topic, input) -> {
      if (input == null) {
        return null;
      }
      if (!input.isRule()) {
        byte[] body = inner.serialize(statsSubjectTopic, input.stats());
        return ByteBuffer.allocate(1 + body.length).put(STATS).put(body).array();
      }
      byte[] id = input.ruleId().getBytes(StandardCharsets.UTF_8);
      byte[] json =
          input.ruleJson() == null
              ? new byte[0]
              : input.ruleJson().getBytes(StandardCharsets.UTF_8);
      return ByteBuffer.allocate(1 + 4 + id.length + 1 + json.length)
          .put(RULE)
          .putInt(id.length)
          .put(id)
          .put(input.ruleJson() == null ? (byte) 0 : (byte) 1)
          .put(json)
          .array();
    };
  }

  @Override
  public Deserializer<AnomalyInput> deserializer() {
    Deserializer<RollingStats> inner = stats.deserializer();
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length < 1) {
        throw new SerializationException("empty anomaly input record on " + topic);
      }
      if (bytes[0] == STATS) {
        byte[] body = new byte[bytes.length - 1];
        System.arraycopy(bytes, 1, body, 0, body.length);
        return AnomalyInput.of(inner.deserialize(statsSubjectTopic, body));
      }
      if (bytes[0] != RULE) {
        throw new SerializationException("unknown anomaly input tag " + bytes[0] + " on " + topic);
      }
      try {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        byte[] id = new byte[buffer.getInt()];
        buffer.get(id);
        boolean present = buffer.get() == 1;
        byte[] json = new byte[buffer.remaining()];
        buffer.get(json);
        return AnomalyInput.rule(
            new String(id, StandardCharsets.UTF_8),
            present ? new String(json, StandardCharsets.UTF_8) : null);
      } catch (RuntimeException e) {
        throw new SerializationException("truncated rule record on " + topic, e);
      }
    };
  }
}
