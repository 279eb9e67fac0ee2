/**
 * Durable storage of the embedded registry: {@link io.tickwatch.schemas.registry.store.SchemaStore}
 * with an in-memory and a Kafka implementation (the compacted, single-partition topic {@code
 * tickwatch.schemas}, JSON keys and values shaped like Confluent's {@code _schemas} topic). A store
 * assumes a single writer.
 */
package io.tickwatch.schemas.registry.store;
