package io.tickwatch.schemas.serde;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing Avro records ({@link SpecificRecord} or {@link
 * org.apache.avro.generic.GenericRecord}) in the Confluent wire format: {@code 0x00}, the 4-byte
 * schema id, the Avro binary body.
 *
 * <p>The record's own schema is the writer schema. With auto-registration on (the default) it is
 * registered under the subject {@code <topic>-value} ({@code <topic>-key} for a key serializer);
 * with it off, its id is looked up and a schema that is not registered fails the record. Ids are
 * cached per subject and schema, so the registry is asked once per schema.
 *
 * <p>Two ways to build one: {@code new AvroSerializer<>(client)} with a client the caller owns (and
 * closes), or {@code new AvroSerializer<>()} followed by {@link #configure(Map, boolean)} with
 * {@value AvroSerdeConfig#SCHEMA_REGISTRY_URL} (and optionally {@value
 * AvroSerdeConfig#AUTO_REGISTER_SCHEMAS}), in which case the serializer creates and closes its own
 * client.
 *
 * <p>Thread-safe after configuration. A null record serializes to null (a tombstone).
 *
 * @param <T> the record type
 */
public class AvroSerializer<T> implements Serializer<T> {
  private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> idsBySubject =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, DatumWriter<Object>> specificWriters =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, DatumWriter<Object>> genericWriters =
      new ConcurrentHashMap<>();

  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean autoRegisterSchemas;
  private boolean isKey;

  /** For the {@link #configure(Map, boolean)} path; unusable until configured. */
  public AvroSerializer() {
    this.autoRegisterSchemas = true;
  }

  /** Auto-registering serializer on a client the caller owns. */
  public AvroSerializer(SchemaRegistryClient client) {
    this(client, true);
  }

  /**
   * Serializer on a client the caller owns.
   *
   * @param autoRegisterSchemas register writer schemas (true) or only look up their ids (false)
   */
  public AvroSerializer(SchemaRegistryClient client, boolean autoRegisterSchemas) {
    this.client = Objects.requireNonNull(client, "client");
    this.autoRegisterSchemas = autoRegisterSchemas;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (client == null) {
      AvroSerdeConfig config = AvroSerdeConfig.fromMap(configs);
      client = new RestSchemaRegistryClient(config.schemaRegistryUrl());
      ownsClient = true;
      autoRegisterSchemas = config.autoRegisterSchemas();
    } else {
      autoRegisterSchemas = AvroSerdeConfig.autoRegisterSchemas(configs, autoRegisterSchemas);
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof GenericContainer container)) {
      throw new SerializationException(
          "AvroSerializer writes Avro records (SpecificRecord or GenericRecord), not "
              + data.getClass().getName()
              + " (topic '"
              + topic
              + "')");
    }
    if (client == null) {
      throw new IllegalStateException(
          "AvroSerializer has no schema registry client: pass one to the constructor or call"
              + " configure() with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
    Schema schema = container.getSchema();
    int schemaId = schemaId(topic, schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    WireFormat.writeHeader(out, schemaId);
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer(schema, data).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Could not write a "
              + schema.getFullName()
              + " record for topic '"
              + topic
              + "' with schema id "
              + schemaId
              + ": "
              + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }

  private int schemaId(String topic, Schema schema) {
    String subject = Subjects.subject(topic, isKey);
    ConcurrentMap<Schema, Integer> ids =
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    int schemaId;
    try {
      schemaId =
          autoRegisterSchemas ? client.register(subject, schema) : client.getId(subject, schema);
    } catch (RuntimeException e) {
      throw new SerializationException(
          (autoRegisterSchemas
                  ? "Could not register schema " + schema.getFullName() + " under subject '"
                  : "Could not look up schema "
                      + schema.getFullName()
                      + " (auto.register.schemas is false) under subject '")
              + subject
              + "': "
              + e.getMessage(),
          e);
    }
    ids.put(schema, schemaId);
    return schemaId;
  }

  private DatumWriter<Object> writer(Schema schema, Object data) {
    if (data instanceof SpecificRecord) {
      return specificWriters.computeIfAbsent(schema, SpecificDatumWriter::new);
    }
    return genericWriters.computeIfAbsent(schema, GenericDatumWriter::new);
  }
}
