package io.tickwatch.schemas.serde;

import static io.tickwatch.schemas.avro.AvroRecords.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.avro.ExampleRecords;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code configure(Map)} path, against the embedded registry over real HTTP (in memory). */
class AvroSerdeConfigureTest {
  private EmbeddedSchemaRegistry registry;

  @BeforeEach
  void startRegistry() {
    registry = EmbeddedSchemaRegistry.builder().inMemory().host("127.0.0.1").port(0).build();
    registry.start();
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldRoundTripThroughSerdesConfiguredFromClientProperties() {
    Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    try (AvroSerializer<SampleBatch> serializer = new AvroSerializer<>();
        AvroDeserializer<SampleBatch> deserializer = new AvroDeserializer<>(SampleBatch.class);
        AvroDeserializer<Object> classless = new AvroDeserializer<>();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url())) {
      serializer.configure(configs, false);
      deserializer.configure(configs, false);
      classless.configure(configs, false);

      byte[] bytes = serializer.serialize("tickwatch.samples", ExampleRecords.sampleBatch());

      assertThat(client.getSubjects()).containsExactly("tickwatch.samples-value");
      assertSameRecord(
          deserializer.deserialize("tickwatch.samples", bytes), ExampleRecords.sampleBatch());
      assertThat(((GenericRecord) classless.deserialize("tickwatch.samples", bytes)).get("hostId"))
          .hasToString("host-1");
    }
  }

  @Test
  void shouldRoundTripThroughAStreamsSerdeConfiguredFromProperties() {
    try (AvroSerde<SampleBatch> serde = new AvroSerde<>(SampleBatch.class)) {
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

      byte[] bytes =
          serde.serializer().serialize("tickwatch.samples", ExampleRecords.sampleBatch());

      assertSameRecord(
          serde.deserializer().deserialize("tickwatch.samples", bytes),
          ExampleRecords.sampleBatch());
    }
  }

  @Test
  void shouldRefuseToWriteAnUnregisteredSchemaWhenAutoRegisterIsOff() {
    try (AvroSerializer<SampleBatch> serializer = new AvroSerializer<>()) {
      serializer.configure(
          Map.of(
              AvroSerdeConfig.SCHEMA_REGISTRY_URL,
              registry.url(),
              AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
              "false"),
          false);

      assertThatThrownBy(
              () -> serializer.serialize("tickwatch.samples", ExampleRecords.sampleBatch()))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("tickwatch.samples-value")
          .hasMessageContaining("auto.register.schemas is false");
    }
  }

  @Test
  void shouldReportAMissingRegistryUrlAsAConfigException() {
    assertThatThrownBy(() -> new AvroSerializer<SampleBatch>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> new AvroDeserializer<>(SampleBatch.class).configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> AvroSerde.generic().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldRejectAnAutoRegisterValueThatIsNotABoolean() {
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.fromMap(
                    Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        "http://127.0.0.1:1",
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                        "sometimes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auto.register.schemas");
  }

  @Test
  void shouldDefaultToAutoRegistration() {
    assertThat(AvroSerdeConfig.fromMap(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, " http://x:1 ")))
        .isEqualTo(new AvroSerdeConfig("http://x:1", true));
  }

  @Test
  void shouldSayWhatIsMissingWhenUsedUnconfigured() {
    assertThatThrownBy(
            () -> new AvroSerializer<SampleBatch>().serialize("t", ExampleRecords.sampleBatch()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema.registry.url");
  }
}
