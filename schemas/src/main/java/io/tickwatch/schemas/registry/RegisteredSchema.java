package io.tickwatch.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject as the registry stores it.
 *
 * @param subject the subject name, for example {@code tickwatch.samples-value}
 * @param version the subject-local version, starting at 1
 * @param id the global schema id that appears in the Confluent wire format
 * @param schema the parsed Avro schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
