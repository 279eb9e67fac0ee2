package io.tickwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.avro.ExampleRecords;
import io.tickwatch.schemas.registry.SchemaRegistryException;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BadInputTest {
  private static final String TOPIC = "tickwatch.samples";
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroDeserializer<SampleBatch> deserializer =
      new AvroDeserializer<>(registry, SampleBatch.class);

  private byte[] validPayload() {
    return new AvroSerializer<SampleBatch>(registry).serialize(TOPIC, ExampleRecords.sampleBatch());
  }

  @Test
  void shouldRejectJsonWithUnknownMagicByte() {
    byte[] json = "{\"hostId\":\"host-1\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json))
        .isInstanceOf(UnknownMagicByteException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic 'tickwatch.samples'")
        .hasMessageContaining("0x7b")
        .hasMessageContaining("magic byte 0x00");
  }

  @Test
  void shouldRejectAnIdTheRegistryDoesNotKnow() {
    byte[] payload = validPayload();
    ByteBuffer.wrap(payload).putInt(1, 4242);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload))
        .isInstanceOfSatisfying(
            UnknownSchemaIdException.class, e -> assertThat(e.schemaId()).isEqualTo(4242))
        .hasMessageContaining("topic 'tickwatch.samples'")
        .hasMessageContaining("schema id 4242")
        .hasCauseInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void shouldRejectATruncatedHeader() {
    byte[] payload = Arrays.copyOf(validPayload(), 3);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload))
        .isInstanceOf(TruncatedPayloadException.class)
        .hasMessageContaining("topic 'tickwatch.samples'")
        .hasMessageContaining("3 bytes")
        .hasMessageContaining("header");
  }

  @Test
  void shouldRejectAnEmptyPayloadAsTruncated() {
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
        .isInstanceOf(TruncatedPayloadException.class)
        .hasMessageContaining("0 bytes");
  }

  @Test
  void shouldRejectEveryTruncationOfTheAvroBody() {
    byte[] payload = validPayload();

    for (int length = WireFormat.HEADER_SIZE_BYTES; length < payload.length; length++) {
      byte[] truncated = Arrays.copyOf(payload, length);
      int seen = length;
      assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
          .as("payload cut to %d of %d bytes", length, payload.length)
          .isInstanceOf(TruncatedPayloadException.class)
          .hasMessageContaining("topic 'tickwatch.samples'")
          .hasMessageContaining(seen + " bytes")
          .hasMessageContaining("writer schema id 1");
    }
  }

  @Test
  void shouldRejectGenericReadsOfTruncatedBodiesToo() {
    byte[] truncated = Arrays.copyOf(validPayload(), 40);

    assertThatThrownBy(() -> AvroDeserializer.generic(registry).deserialize(TOPIC, truncated))
        .isInstanceOf(TruncatedPayloadException.class);
  }

  @Test
  void shouldNameBothSchemasWhenTheWriterSchemaCannotBeReadAsTheReaderSchema() {
    byte[] stats =
        new AvroSerializer<RollingStats>(registry).serialize(TOPIC, ExampleRecords.rollingStats());

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, stats))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic 'tickwatch.samples'")
        .hasMessageContaining("io.tickwatch.avro.RollingStats")
        .hasMessageContaining("io.tickwatch.avro.SampleBatch");
  }

  @Test
  void shouldReportAnUnreachableRegistryWithTheTopicAndId() {
    byte[] payload = validPayload();
    AvroDeserializer<SampleBatch> offline =
        new AvroDeserializer<>(
            new InMemorySchemaRegistryClient() {
              @Override
              public synchronized Schema getById(int id) {
                throw new SchemaRegistryException("connection refused", new java.io.IOException());
              }
            },
            SampleBatch.class);

    assertThatThrownBy(() -> offline.deserialize(TOPIC, payload))
        .isInstanceOf(SerializationException.class)
        .isNotInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("schema id 1")
        .hasMessageContaining("connection refused");
  }

  @Test
  void shouldRejectARecordThatDoesNotMatchItsOwnSchema() {
    Schema schema = SchemaBuilder.record("Broken").fields().requiredString("name").endRecord();
    GenericRecord missingField = new GenericData.Record(schema);

    assertThatThrownBy(
            () ->
                new AvroSerializer<GenericRecord>(registry).serialize("tickwatch.x", missingField))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Broken")
        .hasMessageContaining("tickwatch.x");
  }

  @Test
  void shouldRejectValuesThatAreNotAvroRecords() {
    assertThatThrownBy(() -> new AvroSerializer<Object>(registry).serialize("tickwatch.x", "text"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void shouldRejectAGeneratedClassThatIsNotARecordForSpecificReading() {
    assertThatThrownBy(() -> new AvroDeserializer<>(registry, String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }
}
