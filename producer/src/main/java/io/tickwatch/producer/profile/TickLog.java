package io.tickwatch.producer.profile;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A wait-free ring of the most recent game ticks: thread id, start and end ({@link
 * System#nanoTime()}). The game threads write it from {@code TickwatchAgent.tick(duration)} (the
 * tick ends when that call is made, so it started {@code duration} earlier); the profiler reads it
 * later, when JFR delivers the samples of those ticks (about a second after they were taken), to
 * tell samples of slow ticks from the others and to measure the tick-time impact of profiling.
 *
 * <p>Writers: wait-free and allocation-free (one atomic increment and five volatile stores); any
 * number of threads. {@link #recordTickEndingNow} records only while {@linkplain #enabled(boolean)
 * enabled}, so the game pays for it only while the profiler needs ticks. Readers never block
 * writers; an entry overwritten while being read is skipped. Capacity is a power of two; at 60 Hz
 * on four game threads the default {@value #DEFAULT_CAPACITY} entries hold about 17 s of ticks.
 */
public final class TickLog {
  /** Default number of ticks kept. */
  public static final int DEFAULT_CAPACITY = 4096;

  private final int mask;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLongArray published;
  private final AtomicLongArray threadIds;
  private final AtomicLongArray startNanos;
  private final AtomicLongArray endNanos;
  private volatile boolean enabled;

  /** A log of {@link #DEFAULT_CAPACITY} ticks. */
  public TickLog() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * @param capacity ticks kept, a power of two
   */
  public TickLog(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two >= 2: " + capacity);
    }
    mask = capacity - 1;
    published = new AtomicLongArray(capacity);
    for (int i = 0; i < capacity; i++) {
      published.set(i, Long.MIN_VALUE);
    }
    threadIds = new AtomicLongArray(capacity);
    startNanos = new AtomicLongArray(capacity);
    endNanos = new AtomicLongArray(capacity);
  }

  /**
   * Switches recording from {@link #recordTickEndingNow} on or off (on while a session runs or the
   * overhead meter takes a baseline; off, a game thread's call costs one volatile read).
   */
  public void enabled(boolean on) {
    enabled = on;
  }

  /** Whether {@link #recordTickEndingNow} records. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Records a tick of the calling thread that ends now and lasted {@code durationNanos}, when
   * {@linkplain #enabled(boolean) enabled}.
   */
  @SuppressWarnings("deprecation") // Thread.getId: threadId() needs Java 19
  public void recordTickEndingNow(long durationNanos) {
    if (!enabled) {
      return;
    }
    long end = System.nanoTime();
    record(Thread.currentThread().getId(), end - Math.max(0, durationNanos), end);
  }

  /** Records one tick (tests and replays). */
  public void record(long threadId, long tickStartNanos, long tickEndNanos) {
    long seq = next.getAndIncrement();
    int slot = (int) (seq & mask);
    published.set(slot, -seq - 1);
    threadIds.set(slot, threadId);
    startNanos.set(slot, tickStartNanos);
    endNanos.set(slot, tickEndNanos);
    published.set(slot, seq);
  }

  /** Sequence number the next tick will get (ticks recorded so far). */
  public long nextSequence() {
    return next.get();
  }

  /** Receives ticks read from the log. */
  @FunctionalInterface
  public interface TickVisitor {
    /** One tick; nanos are {@link System#nanoTime()} values. */
    void tick(long threadId, long startNanos, long endNanos);
  }

  /**
   * Visits the ticks from sequence {@code fromSequence} on, oldest first, skipping those already
   * overwritten, and stops at the first tick still being written.
   *
   * @return the sequence to continue from next time
   */
  public long readFrom(long fromSequence, TickVisitor visitor) {
    long end = next.get();
    long seq = Math.max(fromSequence, end - mask - 1);
    for (; seq < end; seq++) {
      int slot = (int) (seq & mask);
      long before = published.get(slot);
      if (before != seq) {
        long writing = before == Long.MIN_VALUE ? -1 : before < 0 ? -before - 1 : before;
        if (writing <= seq) {
          return seq; // not written yet, or being written: come back later
        }
        continue; // overwritten by a newer tick
      }
      long thread = threadIds.get(slot);
      long start = startNanos.get(slot);
      long stop = endNanos.get(slot);
      if (published.get(slot) == seq) {
        visitor.tick(thread, start, stop);
      }
    }
    return seq;
  }
}
