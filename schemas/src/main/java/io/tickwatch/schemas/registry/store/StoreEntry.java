package io.tickwatch.schemas.registry.store;

import io.tickwatch.schemas.registry.CompatibilityLevel;
import java.util.Objects;
import java.util.Optional;

/** One durable fact of the registry: a registered schema version or a compatibility setting. */
public sealed interface StoreEntry {

  /**
   * Version {@code version} of {@code subject} is the schema {@code schema} with global id {@code
   * id}.
   *
   * @param subject subject name
   * @param version subject-local version, from 1
   * @param id global schema id, from 1
   * @param schema the schema in its canonical JSON form ({@code Schema.toString()})
   */
  record SchemaVersion(String subject, int version, int id, String schema) implements StoreEntry {
    public SchemaVersion {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(schema, "schema");
      if (version < 1 || id < 1) {
        throw new IllegalArgumentException("version and id start at 1: " + version + ", " + id);
      }
    }
  }

  /**
   * The compatibility level of {@code subject}, or the global level when {@code subject} is empty.
   *
   * @param subject the subject, or empty for the global setting
   * @param level the level
   */
  record Config(Optional<String> subject, CompatibilityLevel level) implements StoreEntry {
    public Config {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(level, "level");
    }
  }
}
