package io.tickwatch.schemas.registry.store;

import java.util.List;

/**
 * Durable log of the registry's facts. The registry rebuilds its whole state from {@link #start()}
 * and then writes each new fact with {@link #append(StoreEntry)} before it answers the request.
 *
 * <p>Single writer: exactly one registry process may append to a store at a time; a store does not
 * coordinate concurrent writers (two embedded registries on one topic could hand out the same id).
 *
 * <p>Lifecycle: {@link #start()} once, then any number of {@link #append} calls from one thread at
 * a time, then {@link #close()}.
 */
public interface SchemaStore extends AutoCloseable {

  /**
   * Opens the store and returns every entry it holds, in the order written; when an entry is
   * written twice for the same key only the last one needs to be returned.
   *
   * @throws SchemaStoreException when the store cannot be opened or read
   */
  List<StoreEntry> start();

  /**
   * Writes {@code entry} durably and returns only once it is stored.
   *
   * @throws SchemaStoreException when the entry could not be stored
   */
  void append(StoreEntry entry);

  /** A short description for logs, such as the topic and bootstrap servers. */
  String describe();

  /** Releases resources. Idempotent. */
  @Override
  void close();
}
