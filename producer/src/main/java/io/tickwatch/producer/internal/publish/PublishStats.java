package io.tickwatch.producer.internal.publish;

import java.util.concurrent.atomic.AtomicLong;

/** Cumulative publishing counters; updated by agent threads, read by anyone. */
public final class PublishStats {
  final AtomicLong produced = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong sendErrors = new AtomicLong();
  final AtomicLong serializationErrors = new AtomicLong();

  /** Batches handed to the buffer. */
  public long produced() {
    return produced.get();
  }

  /** Batches acknowledged by Kafka. */
  public long delivered() {
    return delivered.get();
  }

  /** Batches dropped for any reason. */
  public long dropped() {
    return dropped.get();
  }

  /** Failed sends reported by the producer (each also counts as a dropped batch). */
  public long sendErrors() {
    return sendErrors.get();
  }

  /** Batches the serializer rejected (each also counts as a dropped batch). */
  public long serializationErrors() {
    return serializationErrors.get();
  }
}
