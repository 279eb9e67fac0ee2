package io.tickwatch.schemas.registry.server;

import io.tickwatch.schemas.registry.CompatibilityLevel;
import io.tickwatch.schemas.registry.store.StoreEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's in-memory index, rebuilt from the store's entries and updated after each write.
 * Not thread-safe: {@link SchemaRegistryService} guards it.
 */
final class RegistryState {
  private final Map<String, NavigableMap<Integer, StoreEntry.SchemaVersion>> subjects =
      new TreeMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
  private int maxId;

  void apply(StoreEntry entry) {
    if (entry instanceof StoreEntry.SchemaVersion version) {
      subjects
          .computeIfAbsent(version.subject(), s -> new TreeMap<>())
          .put(version.version(), version);
      schemasById.put(version.id(), version.schema());
      idsBySchema.putIfAbsent(version.schema(), version.id());
      maxId = Math.max(maxId, version.id());
    } else if (entry instanceof StoreEntry.Config config) {
      if (config.subject().isPresent()) {
        subjectLevels.put(config.subject().get(), config.level());
      } else {
        globalLevel = config.level();
      }
    }
  }

  List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  /** Versions of {@code subject}, oldest first; empty when the subject does not exist. */
  List<StoreEntry.SchemaVersion> versions(String subject) {
    NavigableMap<Integer, StoreEntry.SchemaVersion> versions = subjects.get(subject);
    return versions == null ? List.of() : new ArrayList<>(versions.values());
  }

  Optional<StoreEntry.SchemaVersion> version(String subject, int version) {
    NavigableMap<Integer, StoreEntry.SchemaVersion> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  Optional<Integer> idOf(String canonicalSchema) {
    return Optional.ofNullable(idsBySchema.get(canonicalSchema));
  }

  /** Every (subject, version) that uses schema {@code id}. */
  List<StoreEntry.SchemaVersion> usagesOf(int id) {
    List<StoreEntry.SchemaVersion> usages = new ArrayList<>();
    for (NavigableMap<Integer, StoreEntry.SchemaVersion> versions : subjects.values()) {
      for (StoreEntry.SchemaVersion version : versions.values()) {
        if (version.id() == id) {
          usages.add(version);
        }
      }
    }
    return usages;
  }

  int nextId() {
    return maxId + 1;
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }
}
