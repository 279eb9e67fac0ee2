package io.tickwatch.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Client for the subset of the Confluent Schema Registry REST API that Tickwatch uses.
 *
 * <p>Implementations talk to any Confluent-compatible registry (Confluent, Apicurio's ccompat API,
 * Karapace, Redpanda, or Tickwatch's embedded registry). Subjects follow the topic-name strategy:
 * {@code <topic>-value}.
 *
 * <p>Thread-safety: implementations are safe for concurrent use; schema ids and schemas by id are
 * immutable in the registry, so implementations cache them without expiry.
 *
 * <p>Errors: every method throws {@link SchemaRegistryException} carrying the HTTP status and the
 * Confluent error code (for example 40401 subject not found, 409 incompatible, 42201 invalid
 * schema) when the registry refuses a request, or when it cannot be reached after retries.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /**
   * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}).
   * Idempotent: registering a schema already registered returns its existing id.
   *
   * @return the globally unique schema id
   */
  int register(String subject, Schema schema);

  /**
   * Looks up the id of a schema already registered under {@code subject} ({@code POST
   * /subjects/{subject}}), without registering it.
   */
  int getId(String subject, Schema schema);

  /** Returns the schema with the given global id ({@code GET /schemas/ids/{id}}). */
  Schema getById(int id);

  /** Returns all subjects ({@code GET /subjects}). */
  List<String> getSubjects();

  /** Returns the versions registered under {@code subject}, ascending. */
  List<Integer> getVersions(String subject);

  /** Returns one version of a subject ({@code GET /subjects/{subject}/versions/{version}}). */
  RegisteredSchema getVersion(String subject, int version);

  /** Returns the latest version of a subject. */
  RegisteredSchema getLatest(String subject);

  /**
   * Tests {@code schema} against the latest version of {@code subject} under the subject's
   * compatibility level ({@code POST /compatibility/subjects/{subject}/versions/latest}). A subject
   * that does not exist yet is compatible with anything.
   */
  boolean isCompatible(String subject, Schema schema);

  /**
   * The compatibility level of {@code subject}, or the global level when {@code subject} is empty
   * ({@code GET /config[/{subject}]}).
   */
  CompatibilityLevel getCompatibility(Optional<String> subject);

  /** Sets the compatibility level of {@code subject}, or the global level when empty. */
  void setCompatibility(Optional<String> subject, CompatibilityLevel level);

  /** Releases HTTP resources. Idempotent. */
  @Override
  void close();
}
