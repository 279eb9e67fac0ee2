package io.tickwatch.schemas.serde;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde pairing an {@link AvroSerializer} and an {@link AvroDeserializer} on one
 * schema registry client.
 *
 * <p>Built with a client ({@code new AvroSerde<>(client, SampleBatch.class)}, {@link
 * #generic(SchemaRegistryClient)}) the caller owns the client; built without one, {@link
 * #configure(Map, boolean)} creates a single client from {@value
 * AvroSerdeConfig#SCHEMA_REGISTRY_URL} that {@link #close()} closes.
 *
 * @param <T> the record type
 */
public class AvroSerde<T> implements Serde<T> {
  private final Function<SchemaRegistryClient, AvroDeserializer<T>> deserializerFactory;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private AvroSerializer<T> serializer;
  private AvroDeserializer<T> deserializer;

  /**
   * For Kafka Streams' class-name configuration ({@code default.value.serde}): generic records, or
   * generated classes with {@value AvroSerdeConfig#SPECIFIC_AVRO_READER}=true. Unusable until
   * {@link #configure(Map, boolean)} is called.
   */
  public AvroSerde() {
    this(AvroDeserializer::targetFromConfig);
  }

  /** Specific serde on a client the caller owns. */
  public AvroSerde(SchemaRegistryClient client, Class<T> type) {
    this(c -> new AvroDeserializer<>(c, type));
    Objects.requireNonNull(type, "type");
    use(Objects.requireNonNull(client, "client"), true);
  }

  /** Specific serde for the {@link #configure(Map, boolean)} path. */
  public AvroSerde(Class<T> type) {
    this(c -> new AvroDeserializer<>(c, type));
    Objects.requireNonNull(type, "type");
  }

  private AvroSerde(Function<SchemaRegistryClient, AvroDeserializer<T>> deserializerFactory) {
    this.deserializerFactory = deserializerFactory;
  }

  /** Generic serde on a client the caller owns. */
  public static AvroSerde<GenericRecord> generic(SchemaRegistryClient client) {
    AvroSerde<GenericRecord> serde = new AvroSerde<>(AvroDeserializer::generic);
    serde.use(Objects.requireNonNull(client, "client"), true);
    return serde;
  }

  /** Generic serde for the {@link #configure(Map, boolean)} path. */
  public static AvroSerde<GenericRecord> generic() {
    return new AvroSerde<>(AvroDeserializer::generic);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      AvroSerdeConfig config = AvroSerdeConfig.fromMap(configs);
      use(new RestSchemaRegistryClient(config.schemaRegistryUrl()), config.autoRegisterSchemas());
      ownsClient = true;
    }
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    requireClient();
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    requireClient();
    return deserializer;
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }

  private void use(SchemaRegistryClient registryClient, boolean autoRegisterSchemas) {
    this.client = registryClient;
    this.serializer = new AvroSerializer<>(registryClient, autoRegisterSchemas);
    this.deserializer = deserializerFactory.apply(registryClient);
  }

  private void requireClient() {
    if (client == null) {
      throw new IllegalStateException(
          "AvroSerde has no schema registry client: pass one to the constructor or call"
              + " configure() with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
  }
}
