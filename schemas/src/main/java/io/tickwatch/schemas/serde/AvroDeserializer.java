package io.tickwatch.schemas.serde;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer reading Confluent wire-format Avro payloads.
 *
 * <p>The schema id in bytes 1-4 names the writer schema, fetched from the registry once per id.
 * Records are decoded with Avro schema resolution from that writer schema to the reader schema: the
 * generated class's schema for a specific deserializer, a given schema or else the writer schema
 * itself for a generic one. So a consumer built against an older or newer version of a schema reads
 * whatever the compatibility policy admits: fields it does not know are skipped, fields the writer
 * did not have take their defaults. Readers are cached per writer schema id.
 *
 * <p>Errors are typed: {@link UnknownMagicByteException}, {@link TruncatedPayloadException} (short
 * header or short body), {@link UnknownSchemaIdException}; any other failure (registry unreachable,
 * schemas that cannot be resolved, malformed body) is a plain {@link SerializationException} whose
 * message names the topic and the schema id. A null payload deserializes to null (a tombstone).
 *
 * <p>Thread-safe after configuration.
 *
 * @param <T> the record type: a generated {@link SpecificRecord} class or {@link GenericRecord}
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  private final Class<T> specificClass;
  private final Schema readerSchema;
  private final ConcurrentMap<Integer, DatumReader<T>> readersByWriterId =
      new ConcurrentHashMap<>();

  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean targetFromConfig;
  private boolean specificByWriterName;

  /**
   * For Kafka's class-name configuration ({@code value.deserializer}): decodes into GenericRecord,
   * or, with {@value AvroSerdeConfig#SPECIFIC_AVRO_READER}=true, into the generated class named by
   * each record's writer schema. Unusable until {@link #configure(Map, boolean)} is called.
   */
  public AvroDeserializer() {
    this(null, null, null);
    this.targetFromConfig = true;
  }

  /** Like {@link #AvroDeserializer()}, on a client the caller owns. */
  static <T> AvroDeserializer<T> targetFromConfig(SchemaRegistryClient client) {
    AvroDeserializer<T> deserializer = new AvroDeserializer<>(client, null, null);
    deserializer.targetFromConfig = true;
    return deserializer;
  }

  /**
   * Specific deserializer on a client the caller owns.
   *
   * @param type a class generated from an .avsc file, for example {@code SampleBatch.class}
   */
  public AvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    this(Objects.requireNonNull(client, "client"), requireSpecific(type), schemaOf(type));
  }

  /** Specific deserializer for the {@link #configure(Map, boolean)} path. */
  public AvroDeserializer(Class<T> type) {
    this(null, requireSpecific(type), schemaOf(type));
  }

  private AvroDeserializer(SchemaRegistryClient client, Class<T> specificClass, Schema reader) {
    this.client = client;
    this.specificClass = specificClass;
    this.readerSchema = reader;
  }

  /** Generic deserializer whose reader schema is each record's writer schema. */
  public static AvroDeserializer<GenericRecord> generic(SchemaRegistryClient client) {
    return new AvroDeserializer<>(Objects.requireNonNull(client, "client"), null, null);
  }

  /** Generic deserializer resolving every record to {@code readerSchema}. */
  public static AvroDeserializer<GenericRecord> generic(
      SchemaRegistryClient client, Schema readerSchema) {
    return new AvroDeserializer<>(
        Objects.requireNonNull(client, "client"),
        null,
        Objects.requireNonNull(readerSchema, "readerSchema"));
  }

  /** Generic deserializer for the {@link #configure(Map, boolean)} path. */
  public static AvroDeserializer<GenericRecord> generic() {
    return new AvroDeserializer<>(null, null, null);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      client = new RestSchemaRegistryClient(AvroSerdeConfig.fromMap(configs).schemaRegistryUrl());
      ownsClient = true;
    }
    if (targetFromConfig) {
      specificByWriterName = AvroSerdeConfig.specificAvroReader(configs);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException(
          "AvroDeserializer has no schema registry client: pass one to the constructor or call"
              + " configure() with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
    int schemaId = WireFormat.parseSchemaId(topic, data);
    DatumReader<T> reader = readersByWriterId.get(schemaId);
    if (reader == null) {
      reader = newReader(topic, schemaId);
      readersByWriterId.putIfAbsent(schemaId, reader);
    }
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data,
                WireFormat.HEADER_SIZE_BYTES,
                data.length - WireFormat.HEADER_SIZE_BYTES,
                null);
    try {
      return reader.read(null, decoder);
    } catch (EOFException e) {
      throw new TruncatedPayloadException(
          topic,
          data.length,
          "the Avro body ends before the record of writer schema id " + schemaId + " is complete",
          e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Could not decode record from topic '"
              + topic
              + "' with writer schema id "
              + schemaId
              + ": "
              + e,
          e);
    }
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }

  private DatumReader<T> newReader(String topic, int schemaId) {
    Schema writer = writerSchema(topic, schemaId);
    Class<?> targetClass = specificClass;
    Schema reader = readerSchema == null ? writer : readerSchema;
    if (specificByWriterName) {
      targetClass = SpecificData.get().getClass(writer);
      if (targetClass == null || !SpecificRecord.class.isAssignableFrom(targetClass)) {
        throw new SerializationException(
            "Record from topic '"
                + topic
                + "' was written with schema id "
                + schemaId
                + " ("
                + writer.getFullName()
                + "), which has no generated class on the classpath ("
                + AvroSerdeConfig.SPECIFIC_AVRO_READER
                + "=true)");
      }
      reader = schemaOf(targetClass);
    }
    if (reader != writer) {
      SchemaPairCompatibility compatibility =
          SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
      if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
        throw new SerializationException(
            "Record from topic '"
                + topic
                + "' was written with schema id "
                + schemaId
                + " ("
                + writer.getFullName()
                + "), which cannot be read as "
                + reader.getFullName()
                + ": "
                + compatibility.getResult().getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                    .collect(Collectors.joining("; ")));
      }
    }
    if (targetClass != null) {
      return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(targetClass));
    }
    return new GenericDatumReader<>(writer, reader);
  }

  private Schema writerSchema(String topic, int schemaId) {
    try {
      return client.getById(schemaId);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND
          || (e.errorCode() == 0 && e.httpStatus() == 404)) {
        throw new UnknownSchemaIdException(topic, schemaId, e);
      }
      throw new SerializationException(
          "Could not fetch writer schema id "
              + schemaId
              + " for a record from topic '"
              + topic
              + "': "
              + e.getMessage(),
          e);
    }
  }

  private static <T> Class<T> requireSpecific(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          type.getName()
              + " is not a generated Avro class (SpecificRecord); use AvroDeserializer.generic()"
              + " for GenericRecord");
    }
    return type;
  }

  private static Schema schemaOf(Class<?> type) {
    return SpecificData.getForClass(requireSpecific(type)).getSchema(type);
  }
}
