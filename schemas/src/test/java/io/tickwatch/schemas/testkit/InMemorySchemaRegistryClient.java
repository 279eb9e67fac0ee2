package io.tickwatch.schemas.testkit;

import io.tickwatch.schemas.registry.CompatibilityLevel;
import io.tickwatch.schemas.registry.RegisteredSchema;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A schema registry in a few maps, for serde and topology tests: ids are global and start at 1, the
 * same schema gets the same id, and there is no compatibility logic (that is the registry's job).
 * Counts calls so tests can check the serdes' caches.
 */
public class InMemorySchemaRegistryClient implements SchemaRegistryClient {
  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> idsBySubject = new HashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  public final AtomicInteger registerCalls = new AtomicInteger();
  public final AtomicInteger getByIdCalls = new AtomicInteger();

  @Override
  public synchronized int register(String subject, Schema schema) {
    registerCalls.incrementAndGet();
    int id = idsBySchema.computeIfAbsent(schema, s -> nextId.getAndIncrement());
    schemasById.put(id, schema);
    List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int getId(String subject, Schema schema) {
    Integer id = idsBySchema.get(schema);
    if (id == null || !idsBySubject.getOrDefault(subject, List.of()).contains(id)) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found under " + subject);
    }
    return id;
  }

  @Override
  public synchronized Schema getById(int id) {
    getByIdCalls.incrementAndGet();
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized List<String> getSubjects() {
    return List.copyOf(idsBySubject.keySet());
  }

  @Override
  public synchronized List<Integer> getVersions(String subject) {
    List<Integer> ids = idsBySubject.get(subject);
    if (ids == null) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject not found");
    }
    List<Integer> versions = new ArrayList<>();
    for (int v = 1; v <= ids.size(); v++) {
      versions.add(v);
    }
    return versions;
  }

  @Override
  public synchronized RegisteredSchema getVersion(String subject, int version) {
    List<Integer> ids = idsBySubject.get(subject);
    if (ids == null || version < 1 || version > ids.size()) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.VERSION_NOT_FOUND, "Version not found");
    }
    int id = ids.get(version - 1);
    return new RegisteredSchema(subject, version, id, schemasById.get(id));
  }

  @Override
  public synchronized RegisteredSchema getLatest(String subject) {
    return getVersion(subject, getVersions(subject).size());
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return true;
  }

  @Override
  public CompatibilityLevel getCompatibility(Optional<String> subject) {
    return CompatibilityLevel.DEFAULT;
  }

  @Override
  public void setCompatibility(Optional<String> subject, CompatibilityLevel level) {}

  @Override
  public void close() {}
}
