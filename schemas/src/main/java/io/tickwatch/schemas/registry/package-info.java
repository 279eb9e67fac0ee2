/**
 * Schema registry contract and client.
 *
 * <p>{@link io.tickwatch.schemas.registry.SchemaRegistryClient} is the subset of the Confluent
 * Schema Registry REST API that Tickwatch uses; {@link
 * io.tickwatch.schemas.registry.RestSchemaRegistryClient} implements it over HTTP with unbounded
 * caches for the immutable answers (schema by id, id by subject and schema) and bounded
 * exponential-backoff retries ({@link io.tickwatch.schemas.registry.RetryPolicy}) for connect
 * errors, timeouts, 5xx and 429. Refusals surface as {@link
 * io.tickwatch.schemas.registry.SchemaRegistryException} with the HTTP status and the Confluent
 * error code.
 *
 * <p>{@link io.tickwatch.schemas.registry.CompatibilityChecker} is the one place that decides
 * compatibility, with Avro's {@code SchemaCompatibility}; the embedded registry ({@code .server})
 * uses it.
 */
package io.tickwatch.schemas.registry;
