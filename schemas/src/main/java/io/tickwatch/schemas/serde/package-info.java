/**
 * Kafka serializers, deserializers and Kafka Streams serdes for Avro records in the Confluent wire
 * format.
 *
 * <p>Wire format ({@link io.tickwatch.schemas.serde.WireFormat}): byte 0 is {@code 0x00}, bytes 1-4
 * the big-endian schema id, then the Avro binary body. Subjects follow the topic-name strategy,
 * {@code <topic>-value} ({@link io.tickwatch.schemas.serde.Subjects}). Payloads are interchangeable
 * with Confluent's {@code KafkaAvroSerializer}/{@code KafkaAvroDeserializer} against the same
 * registry.
 *
 * <p>Usage with a client the caller owns (and closes):
 *
 * <pre>{@code
 * var client = new RestSchemaRegistryClient("http://localhost:8081");
 * var serializer = new AvroSerializer<SampleBatch>(client);
 * var deserializer = new AvroDeserializer<>(client, SampleBatch.class);
 * var serde = new AvroSerde<>(client, SampleBatch.class);      // Kafka Streams
 * }</pre>
 *
 * or from Kafka client properties, where each instance owns its client: {@code
 * value.serializer=io.tickwatch.schemas.serde.AvroSerializer}, {@code
 * schema.registry.url=http://localhost:8081}, optionally {@code auto.register.schemas=false}.
 *
 * <p>Specific deserializers resolve every record from its writer schema (by id) to the generated
 * class's schema, so consumers read older and newer versions as the compatibility policy
 * (BACKWARD_TRANSITIVE: new fields have defaults) allows. Bad input fails with typed exceptions,
 * all {@link org.apache.kafka.common.errors.SerializationException}s: {@link
 * io.tickwatch.schemas.serde.UnknownMagicByteException}, {@link
 * io.tickwatch.schemas.serde.UnknownSchemaIdException}, {@link
 * io.tickwatch.schemas.serde.TruncatedPayloadException}. Null payloads (tombstones) map to null
 * records and back.
 *
 * <p>All serdes are thread-safe once configured; schema ids and datum readers/writers are cached
 * without expiry, since the registry never changes the schema behind an id.
 */
package io.tickwatch.schemas.serde;
