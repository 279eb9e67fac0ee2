/**
 * The embedded schema registry: the Confluent Schema Registry REST API over real HTTP for the
 * single-machine default.
 *
 * <p>{@link io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry} owns the HTTP server;
 * {@code RegistryHttpHandler} maps paths, bodies and Confluent error bodies; {@code
 * SchemaRegistryService} holds the rules (idempotent registration, global ids shared across
 * subjects, compatibility, configuration) over an in-memory index rebuilt from a {@link
 * io.tickwatch.schemas.registry.store.SchemaStore}.
 *
 * <p>Endpoints: {@code GET /}, {@code GET /schemas/types}, {@code GET
 * /schemas/ids/{id}[/versions]}, {@code GET /subjects}, {@code POST /subjects/{s}} (lookup), {@code
 * GET|POST /subjects/{s}/versions}, {@code GET /subjects/{s}/versions/{v|latest}[/schema]}, {@code
 * POST /compatibility/subjects/{s}/versions[/{v|latest}]}, {@code GET|PUT /config[/{s}]}. Error
 * codes: 40401, 40402, 40403, 409, 42201, 42202, 42203, 413 (body over 1 MiB by default), 404, 405,
 * 500, 50001 (store failure).
 */
package io.tickwatch.schemas.registry.server;
