package io.tickwatch.schemas.serde;

import static io.tickwatch.schemas.avro.AvroRecords.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.avro.Severity;
import io.tickwatch.avro.StartProfiling;
import io.tickwatch.schemas.avro.ExampleRecords;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of a schema is the generated class's schema; version 2 is an edit of it. Data crosses
 * versions in both directions through the real serdes, as BACKWARD (new reader, old data) and
 * FORWARD (old reader, new data) compatibility promise.
 */
class SchemaEvolutionTest {
  private static final String TOPIC = "tickwatch.samples";
  private static final Schema V1 = SampleBatch.getClassSchema();
  private static final Schema V2_ADDED_FIELD =
      SchemaEdits.addField(
          V1,
          "{\"name\": \"tickBudgetMicros\", \"type\": \"long\", \"default\": 16667,"
              + " \"doc\": \"Tick budget in microseconds.\"}");

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  @Test
  void shouldAcceptAddingAFieldWithADefaultInBothDirections() {
    assertThat(compatibility(V2_ADDED_FIELD, V1)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(compatibility(V1, V2_ADDED_FIELD)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void shouldReadVersion1DataWithAVersion2ReaderFillingTheDefault() {
    byte[] v1Bytes =
        new AvroSerializer<SampleBatch>(registry).serialize(TOPIC, ExampleRecords.sampleBatch());

    GenericRecord read =
        AvroDeserializer.generic(registry, V2_ADDED_FIELD).deserialize(TOPIC, v1Bytes);

    assertThat(read.getSchema()).isEqualTo(V2_ADDED_FIELD);
    assertThat(read.get("tickBudgetMicros")).isEqualTo(16667L);
    assertThat(read.get("hostId")).hasToString("host-1");
    assertThat(read.get("sampleCount")).isEqualTo(3);
  }

  @Test
  void shouldReadVersion2DataWithTheVersion1ClassIgnoringTheNewField() {
    byte[] v2Bytes = writeAsVersion2(ExampleRecords.sampleBatch(), 8333L);
    assertThat(WireFormat.parseSchemaId(TOPIC, v2Bytes))
        .isEqualTo(registry.getId("tickwatch.samples-value", V2_ADDED_FIELD));

    SampleBatch read =
        new AvroDeserializer<>(registry, SampleBatch.class).deserialize(TOPIC, v2Bytes);

    assertSameRecord(read, ExampleRecords.sampleBatch());
  }

  @Test
  void shouldReadVersion2DataWithAVersion2ReaderKeepingTheNewValue() {
    byte[] v2Bytes = writeAsVersion2(ExampleRecords.sampleBatch(), 8333L);

    GenericRecord read = AvroDeserializer.generic(registry).deserialize(TOPIC, v2Bytes);

    assertThat(read.get("tickBudgetMicros")).isEqualTo(8333L);
  }

  @Test
  void shouldLetOldReadersFallBackToTheDefaultWhenAFieldWithADefaultIsRemoved() {
    Schema v2 = SchemaEdits.removeField(V1, "cluster");
    byte[] v2Bytes = rewrite(ExampleRecords.sampleBatch(), v2, record -> {});

    SampleBatch read =
        new AvroDeserializer<>(registry, SampleBatch.class).deserialize(TOPIC, v2Bytes);

    assertThat(compatibility(V1, v2)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(read.getCluster()).isEmpty();
    assertThat(read.getHostId()).isEqualTo("host-1");
  }

  @Test
  void shouldRefuseToReadOldDataWithAReaderWhoseNewFieldHasNoDefault() {
    Schema v2 = SchemaEdits.addField(V1, "{\"name\": \"region\", \"type\": \"string\"}");
    byte[] v1Bytes =
        new AvroSerializer<SampleBatch>(registry).serialize(TOPIC, ExampleRecords.sampleBatch());

    assertThat(compatibility(v2, V1)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    assertThatThrownBy(() -> AvroDeserializer.generic(registry, v2).deserialize(TOPIC, v1Bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("region")
        .hasMessageContaining("schema id 1");
  }

  @Test
  void shouldReadAnEnumSymbolAddedLaterAsTheEnumsDefault() {
    Schema v2 = SchemaEdits.addEnumSymbol(AnomalyEvent.getClassSchema(), "Severity", "FATAL");
    byte[] v2Bytes =
        rewrite(
            ExampleRecords.anomalyEvent(),
            v2,
            record ->
                record.put(
                    "severity",
                    new GenericData.EnumSymbol(v2.getField("severity").schema(), "FATAL")));

    AnomalyEvent read =
        new AvroDeserializer<>(registry, AnomalyEvent.class).deserialize(TOPIC, v2Bytes);

    assertThat(read.getSeverity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void shouldLetOldAgentsRecogniseACommandTypeAddedLaterByItsPayloadType() {
    Schema v2 =
        SchemaEdits.addUnionBranch(
            ControlCommand.getClassSchema(),
            "payload",
            "{\"type\": \"record\", \"name\": \"ThrottleLogging\", \"fields\": [{\"name\":"
                + " \"level\", \"type\": \"string\"}]}");
    Schema throttle = v2.getField("payload").schema().getTypes().get(4);
    GenericRecord payload = new GenericData.Record(throttle);
    payload.put("level", "WARN");
    byte[] newCommand =
        rewrite(
            ExampleRecords.controlCommand(),
            v2,
            record -> {
              record.put("payload", payload);
              record.put("payloadType", "ThrottleLogging");
            });
    byte[] oldCommand =
        new AvroSerializer<ControlCommand>(registry)
            .serialize("tickwatch.control", ExampleRecords.controlCommand());
    byte[] oldTypeInNewSchema = rewrite(ExampleRecords.controlCommand(), v2, record -> {});

    assertThat(compatibility(v2, ControlCommand.getClassSchema()))
        .as("a new agent reads old commands")
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(AvroDeserializer.generic(registry, v2).deserialize("tickwatch.control", oldCommand))
        .isNotNull();
    assertSameRecord(
        new AvroDeserializer<>(registry, ControlCommand.class)
            .deserialize("tickwatch.control", oldTypeInNewSchema),
        ExampleRecords.controlCommand());
    ControlCommand misread =
        new AvroDeserializer<>(registry, ControlCommand.class)
            .deserialize("tickwatch.control", newCommand);
    assertThat(misread.getPayload())
        .as("Avro resolves the unknown branch into a structurally compatible known one")
        .isInstanceOf(SpecificRecord.class)
        .isNotInstanceOf(StartProfiling.class);
    assertThat(misread.getPayloadType())
        .as("so agents compare payloadType with the decoded type before executing")
        .isEqualTo("ThrottleLogging")
        .isNotEqualTo(((SpecificRecord) misread.getPayload()).getSchema().getName());
  }

  private byte[] writeAsVersion2(SampleBatch batch, long tickBudgetMicros) {
    return rewrite(
        batch, V2_ADDED_FIELD, record -> record.put("tickBudgetMicros", tickBudgetMicros));
  }

  /** Re-encodes {@code record} as a generic record of {@code v2}, edits it, writes it. */
  private byte[] rewrite(
      Object record, Schema v2, java.util.function.Consumer<GenericRecord> edit) {
    byte[] v1Bytes = new AvroSerializer<Object>(registry).serialize(TOPIC, record);
    GenericRecord asV2 = AvroDeserializer.generic(registry, v2).deserialize(TOPIC, v1Bytes);
    edit.accept(asV2);
    return new AvroSerializer<GenericRecord>(registry).serialize(TOPIC, asV2);
  }

  private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
  }
}
