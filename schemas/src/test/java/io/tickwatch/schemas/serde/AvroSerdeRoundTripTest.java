package io.tickwatch.schemas.serde;

import static io.tickwatch.schemas.avro.AvroRecords.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.avro.ExampleRecords;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  static Stream<TopicSpec<?>> avroTopics() {
    return Topics.all().stream().filter(TopicSpec::isAvro);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("avroTopics")
  void shouldRoundTripTheExampleRecordOfEveryTopicInTheWireFormat(TopicSpec<?> topic) {
    roundTrip(topic, ExampleRecords.forClass(topic.valueType()));
  }

  @Test
  void shouldRoundTripEveryControlCommandPayloadType() {
    for (ControlCommand command : ExampleRecords.otherControlCommands()) {
      roundTrip(Topics.CONTROL, command);
    }
  }

  private <V> void roundTrip(TopicSpec<V> topic, Object example) {
    V record = topic.valueType().cast(example);
    try (AvroSerde<V> serde = topic.valueSerde(registry);
        Serializer<V> serializer = serde.serializer();
        Deserializer<V> deserializer = serde.deserializer()) {
      byte[] bytes = serializer.serialize(topic.name(), record);

      int registeredId =
          registry.getId(topic.valueSubject(), ((SpecificRecord) record).getSchema());
      assertThat(bytes[0]).isEqualTo((byte) 0x00);
      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
      assertThat(bytes.length).isGreaterThan(WireFormat.HEADER_SIZE_BYTES);
      assertSameRecord(deserializer.deserialize(topic.name(), bytes), record);
    }
  }

  @Test
  void shouldBeDecodableByHandFromTheIdAndThePlainAvroBody() throws Exception {
    byte[] bytes =
        new AvroSerializer<SampleBatch>(registry)
            .serialize(Topics.SAMPLES.name(), ExampleRecords.sampleBatch());

    int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
    org.apache.avro.Schema writer = registry.getById(schemaId);
    GenericRecord decoded =
        new org.apache.avro.generic.GenericDatumReader<GenericRecord>(writer)
            .read(
                null,
                org.apache.avro.io.DecoderFactory.get()
                    .binaryDecoder(bytes, 5, bytes.length - 5, null));

    assertThat(decoded.get("hostId")).hasToString("host-1");
    assertThat(decoded.get("sampleCount")).isEqualTo(3);
    assertThat(decoded.get("startTimeMillis"))
        .isEqualTo(ExampleRecords.sampleBatch().getStartTimeMillis().toEpochMilli());
  }

  @Test
  void shouldRegisterUnderTheTopicValueSubjectOnceAndReuseTheId() {
    AvroSerializer<SampleBatch> serializer = new AvroSerializer<>(registry);

    byte[] first = serializer.serialize(Topics.SAMPLES.name(), ExampleRecords.sampleBatch());
    byte[] second = serializer.serialize(Topics.SAMPLES.name(), ExampleRecords.sampleBatch());

    assertThat(registry.getSubjects()).containsExactly("tickwatch.samples-value");
    assertThat(registry.registerCalls.get()).isEqualTo(1);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldRegisterUnderTheKeySubjectWhenConfiguredAsKeySerializer() {
    AvroSerializer<SampleBatch> serializer = new AvroSerializer<>(registry);
    serializer.configure(Map.of(), true);

    serializer.serialize("tickwatch.samples", ExampleRecords.sampleBatch());

    assertThat(registry.getSubjects()).containsExactly("tickwatch.samples-key");
  }

  @Test
  void shouldFetchEachWriterSchemaOnceAcrossManyRecords() {
    AvroSerializer<SampleBatch> serializer = new AvroSerializer<>(registry);
    AvroDeserializer<SampleBatch> deserializer =
        new AvroDeserializer<>(registry, SampleBatch.class);
    byte[] bytes = serializer.serialize(Topics.SAMPLES.name(), ExampleRecords.sampleBatch());

    for (int i = 0; i < 5; i++) {
      deserializer.deserialize(Topics.SAMPLES.name(), bytes);
    }

    assertThat(registry.getByIdCalls.get()).isEqualTo(1);
  }

  @Test
  void shouldRoundTripGenericRecordsWithTheSameBytesAsSpecificOnes() {
    SampleBatch specific = ExampleRecords.sampleBatch();
    byte[] specificBytes =
        new AvroSerializer<SampleBatch>(registry).serialize(Topics.SAMPLES.name(), specific);

    GenericRecord generic =
        AvroDeserializer.generic(registry).deserialize(Topics.SAMPLES.name(), specificBytes);
    byte[] genericBytes =
        new AvroSerializer<GenericRecord>(registry).serialize(Topics.SAMPLES.name(), generic);

    assertThat(generic.get("hostId")).hasToString("host-1");
    assertThat(generic.get("startTimeMillis"))
        .as("generic records carry the raw long of timestamp-millis")
        .isEqualTo(specific.getStartTimeMillis().toEpochMilli());
    assertThat(genericBytes).hasSameSizeAs(specificBytes).startsWith(0, 0, 0, 0, 1);
    assertThat(AvroDeserializer.generic(registry).deserialize(Topics.SAMPLES.name(), genericBytes))
        .isEqualTo(generic);
    assertSameRecord(
        new AvroDeserializer<>(registry, SampleBatch.class)
            .deserialize(Topics.SAMPLES.name(), genericBytes),
        specific);
  }

  @Test
  void shouldWriteAGenericRecordBuiltByHand() {
    GenericRecord sketch =
        new GenericData.Record(io.tickwatch.avro.QuantileSketch.getClassSchema());
    sketch.put("relativeAccuracy", 0.02);
    sketch.put("zeroCount", 0L);
    sketch.put("indexOffset", -3);
    sketch.put("counts", Arrays.asList(1L, 2L));

    byte[] bytes = new AvroSerializer<GenericRecord>(registry).serialize("tickwatch.test", sketch);

    assertThat(
            new AvroDeserializer<>(registry, io.tickwatch.avro.QuantileSketch.class)
                .deserialize("tickwatch.test", bytes))
        .isEqualTo(
            io.tickwatch.avro.QuantileSketch.newBuilder()
                .setRelativeAccuracy(0.02)
                .setIndexOffset(-3)
                .setCounts(Arrays.asList(1L, 2L))
                .build());
  }

  @Test
  void shouldMapNullToNullBothWaysForTombstones() {
    assertThat(new AvroSerializer<SampleBatch>(registry).serialize("tickwatch.alerts", null))
        .isNull();
    assertThat(new AvroDeserializer<>(registry, SampleBatch.class).deserialize("t", null)).isNull();
    assertThat(AvroDeserializer.generic(registry).deserialize("t", null)).isNull();
  }

  @Test
  void shouldRoundTripThroughTheStreamsSerdeOfATopic() {
    try (AvroSerde<SampleBatch> serde = Topics.SAMPLES.valueSerde(registry)) {
      byte[] bytes =
          serde.serializer().serialize("tickwatch.samples", ExampleRecords.sampleBatch());

      assertSameRecord(
          serde.deserializer().deserialize("tickwatch.samples", bytes),
          ExampleRecords.sampleBatch());
    }
  }

  @Test
  void shouldDecodeIntoTheWriterSchemasGeneratedClassOnlyWhenSpecificAvroReaderIsSet() {
    byte[] bytes =
        new AvroSerializer<SampleBatch>(registry)
            .serialize("tickwatch.samples", ExampleRecords.sampleBatch());
    AvroDeserializer<Object> specific = AvroDeserializer.targetFromConfig(registry);
    specific.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
    AvroDeserializer<Object> generic = AvroDeserializer.targetFromConfig(registry);
    generic.configure(Map.of(), false);

    assertSameRecord(
        specific.deserialize("tickwatch.samples", bytes), ExampleRecords.sampleBatch());
    assertThat(generic.deserialize("tickwatch.samples", bytes))
        .isInstanceOf(GenericData.Record.class)
        .isNotInstanceOf(SpecificRecord.class);
  }
}
