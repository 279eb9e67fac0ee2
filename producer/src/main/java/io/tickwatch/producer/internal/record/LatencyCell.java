package io.tickwatch.producer.internal.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * One writer thread's cumulative record of durations: count, sum, extremes and bucket counts.
 *
 * <p>Single writer ({@link #record(long)} only from the owner thread), one reader (the sampler,
 * through {@link LatencyReader}). Writes are opaque stores of values only the owner changes, so the
 * writer never waits and never executes an atomic read-modify-write. Bucket counts are {@code int}
 * and read as wrapping differences, valid while fewer than 2^31 durations land in one bucket within
 * one publish interval.
 */
public final class LatencyCell {

  private static final VarHandle COUNT;
  private static final VarHandle SUM;
  private static final VarHandle SLOT_MAX;
  private static final VarHandle BATCH_MAX;
  private static final VarHandle BATCH_MIN;
  private static final VarHandle OVERRUNS;
  private static final VarHandle FRAME_DROPS;
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      COUNT = lookup.findVarHandle(LatencyCell.class, "count", long.class);
      SUM = lookup.findVarHandle(LatencyCell.class, "sumNanos", long.class);
      SLOT_MAX = lookup.findVarHandle(LatencyCell.class, "slotMaxNanos", long.class);
      BATCH_MAX = lookup.findVarHandle(LatencyCell.class, "batchMaxNanos", long.class);
      BATCH_MIN = lookup.findVarHandle(LatencyCell.class, "batchMinNanos", long.class);
      OVERRUNS = lookup.findVarHandle(LatencyCell.class, "overruns", long.class);
      FRAME_DROPS = lookup.findVarHandle(LatencyCell.class, "frameDrops", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // padding keeps two threads' cells off one cache line
  @SuppressWarnings("unused")
  private long p01, p02, p03, p04, p05, p06, p07;

  private final NanosBucketIndex index;
  private final int[] buckets;
  private final WeakReference<Thread> owner;
  private long count;
  private long sumNanos;
  private long slotMaxNanos;
  private long batchMaxNanos;
  private long batchMinNanos = Long.MAX_VALUE;
  private long overruns;
  private long frameDrops;

  @SuppressWarnings("unused")
  private long q01, q02, q03, q04, q05, q06, q07;

  // reader-side previous snapshot, touched only by the sampler thread
  final int[] previousBuckets;
  long previousSlotCount;
  long previousSlotSum;
  long previousBatchCount;
  long previousBatchSum;
  long previousOverruns;
  long previousFrameDrops;
  boolean slotDrained;
  boolean batchDrained;

  LatencyCell(NanosBucketIndex index, Thread owner) {
    this.index = index;
    this.buckets = new int[index.slotCount()];
    this.previousBuckets = new int[index.slotCount()];
    this.owner = new WeakReference<>(owner);
  }

  /** Records one duration. Owner thread only; wait-free, allocation-free. */
  public void record(long nanos) {
    int slot = index.slotOf(nanos);
    INTS.setOpaque(buckets, slot, (int) INTS.getOpaque(buckets, slot) + 1);
    publish(nanos);
  }

  /**
   * Records one tick; a tick over {@code budgetNanos} also counts an overrun and {@code floor(nanos
   * / budgetNanos)} dropped frames. Owner thread only; wait-free, allocation-free.
   */
  public void recordTick(long nanos, long budgetNanos) {
    int slot = index.slotOf(nanos);
    INTS.setOpaque(buckets, slot, (int) INTS.getOpaque(buckets, slot) + 1);
    if (nanos > budgetNanos) {
      // before the count: a reader that sees the count also sees the overrun
      OVERRUNS.setOpaque(this, overruns + 1);
      FRAME_DROPS.setOpaque(this, frameDrops + nanos / budgetNanos);
    }
    publish(nanos);
  }

  private void publish(long nanos) {
    COUNT.setOpaque(this, count + 1);
    SUM.setOpaque(this, sumNanos + nanos);
    if (nanos > (long) SLOT_MAX.getOpaque(this)) {
      SLOT_MAX.setOpaque(this, nanos);
    }
    if (nanos > (long) BATCH_MAX.getOpaque(this)) {
      BATCH_MAX.setOpaque(this, nanos);
    }
    if (nanos < (long) BATCH_MIN.getOpaque(this)) {
      BATCH_MIN.setOpaque(this, nanos);
    }
  }

  /** Whether the owner thread has ended (the cell can be retired after a final read). */
  boolean ownerGone() {
    Thread thread = owner.get();
    return thread == null || !thread.isAlive();
  }

  boolean ownedBy(Thread thread) {
    return owner.get() == thread;
  }

  NanosBucketIndex index() {
    return index;
  }

  long readCount() {
    return (long) COUNT.getOpaque(this);
  }

  long readSumNanos() {
    return (long) SUM.getOpaque(this);
  }

  long readOverruns() {
    return (long) OVERRUNS.getOpaque(this);
  }

  long readFrameDrops() {
    return (long) FRAME_DROPS.getOpaque(this);
  }

  int readBucket(int slot) {
    return (int) INTS.getOpaque(buckets, slot);
  }

  long takeSlotMax() {
    return (long) SLOT_MAX.getAndSet(this, 0L);
  }

  long takeBatchMax() {
    return (long) BATCH_MAX.getAndSet(this, 0L);
  }

  long takeBatchMin() {
    return (long) BATCH_MIN.getAndSet(this, Long.MAX_VALUE);
  }
}
