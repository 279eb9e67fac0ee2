package io.tickwatch.producer.internal.publish;

import io.tickwatch.avro.SampleBatch;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The byte-bounded queue between the sampler thread and the publisher thread, plus the in-flight
 * byte count of batches handed to Kafka. Only agent threads touch it (never the game thread), so it
 * uses a monitor. The bound covers queued plus in-flight bytes.
 */
public final class OutboundBuffer {

  /** A queued batch and the bytes it is accounted at. */
  public record Pending(SampleBatch batch, long estimatedBytes) {}

  private final long capacityBytes;
  private final PublishStats stats;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long queuedBytes;
  private long inFlightBytes;

  /** Creates an empty buffer with a bound of {@code capacityBytes}. */
  public OutboundBuffer(long capacityBytes, PublishStats stats) {
    this.capacityBytes = capacityBytes;
    this.stats = stats;
  }

  /**
   * Queues a batch, dropping the oldest queued batches (or, if nothing is queued, this one) to stay
   * within the bound. Never blocks.
   */
  public synchronized void offer(SampleBatch batch, long estimatedBytes) {
    stats.produced.incrementAndGet();
    while (queuedBytes + inFlightBytes + estimatedBytes > capacityBytes && !queue.isEmpty()) {
      Pending oldest = queue.pollFirst();
      queuedBytes -= oldest.estimatedBytes();
      stats.dropped.incrementAndGet();
    }
    if (queuedBytes + inFlightBytes + estimatedBytes > capacityBytes) {
      stats.dropped.incrementAndGet();
      return;
    }
    queue.addLast(new Pending(batch, estimatedBytes));
    queuedBytes += estimatedBytes;
    notifyAll();
  }

  /** Takes the oldest queued batch, waiting up to {@code timeoutMillis}; null if none. */
  public synchronized Pending take(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (queue.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    Pending head = queue.pollFirst();
    queuedBytes -= head.estimatedBytes();
    return head;
  }

  /**
   * Accounts a serialized batch as in flight; false (and nothing accounted) when it would break the
   * bound, which only happens if the size estimate was too small.
   */
  public synchronized boolean startFlight(long bytes) {
    if (queuedBytes + inFlightBytes + bytes > capacityBytes) {
      return false;
    }
    inFlightBytes += bytes;
    return true;
  }

  /** Releases the bytes of a batch whose send completed (either way). */
  public synchronized void endFlight(long bytes) {
    inFlightBytes -= bytes;
  }

  /** Drops every queued batch (at close); returns how many. */
  public synchronized int discardQueued() {
    int n = queue.size();
    queue.clear();
    queuedBytes = 0;
    stats.dropped.addAndGet(n);
    return n;
  }

  /** Wakes a waiting {@link #take}. */
  public synchronized void wakeUp() {
    notifyAll();
  }

  /** Bytes queued plus in flight. */
  public synchronized long usedBytes() {
    return queuedBytes + inFlightBytes;
  }

  /** Batches queued. */
  public synchronized int queuedBatches() {
    return queue.size();
  }

  /** The bound. */
  public long capacityBytes() {
    return capacityBytes;
  }
}
