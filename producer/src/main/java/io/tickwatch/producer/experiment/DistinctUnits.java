package io.tickwatch.producer.experiment;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bounded, lock-free set of 64-bit unit hashes that answers "is this unit new?" so that every
 * distinct unit is counted once per agent. Open addressing over an {@link AtomicLongArray}; inserts
 * are one CAS. When the table is three-quarters full it is replaced by an empty one (the only
 * allocation, once per {@code 3/4 * capacity} distinct units), so memory stays at {@code 8 *
 * capacity} bytes and units seen before the reset count again. A reset hits every variant alike, so
 * the ratio of the unit counts the sample-ratio-mismatch check compares is unaffected.
 */
final class DistinctUnits {

  private final int capacity;
  private final int limit;
  private final AtomicReference<Table> table;

  /** A set of {@code capacity} slots (rounded up to a power of two, at least 16). */
  DistinctUnits(int capacity) {
    this.capacity = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
    this.limit = this.capacity / 4 * 3;
    this.table = new AtomicReference<>(new Table(this.capacity));
  }

  /** Adds a hash; true when it was not in the set. Thread-safe, wait-free but for a reset. */
  boolean add(long hash) {
    long key = hash == 0 ? 1 : hash;
    Table t = table.get();
    int mask = capacity - 1;
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    for (int probe = 0; probe < capacity; probe++) {
      long current = t.slots.get(slot);
      if (current == key) {
        return false;
      }
      if (current == 0) {
        if (t.slots.compareAndSet(slot, 0, key)) {
          if (t.size.incrementAndGet() >= limit) {
            table.compareAndSet(t, new Table(capacity));
          }
          return true;
        }
        if (t.slots.get(slot) == key) {
          return false;
        }
      }
      slot = (slot + 1) & mask;
    }
    table.compareAndSet(t, new Table(capacity));
    return true;
  }

  /** Slots of the table. */
  int capacity() {
    return capacity;
  }

  private static final class Table {
    final AtomicLongArray slots;
    final AtomicInteger size = new AtomicInteger();

    Table(int capacity) {
      this.slots = new AtomicLongArray(capacity);
    }
  }
}
