package io.tickwatch.schemas.registry.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaStore} in memory: nothing survives the process. For tests and Kafka-less use.
 * Thread-safe.
 */
public final class InMemorySchemaStore implements SchemaStore {
  private final List<StoreEntry> entries = new ArrayList<>();

  @Override
  public synchronized List<StoreEntry> start() {
    return List.copyOf(entries);
  }

  @Override
  public synchronized void append(StoreEntry entry) {
    entries.add(entry);
  }

  @Override
  public String describe() {
    return "in-memory store";
  }

  @Override
  public void close() {
    // nothing to release
  }
}
