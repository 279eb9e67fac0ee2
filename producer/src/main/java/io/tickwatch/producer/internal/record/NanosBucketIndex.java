package io.tickwatch.producer.internal.record;

import io.tickwatch.stats.sketch.LogBucketMapping;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a duration in nanoseconds to the sketch bucket of the same duration in microseconds with a
 * table lookup and one comparison, giving exactly {@link LogBucketMapping#index(double)} of {@code
 * nanos / 1000.0} without calling {@code Math.log} on the hot path.
 *
 * <p>Slots: slot 0 holds durations {@code <= 0}; slot {@code s >= 1} holds bucket index {@code
 * minIndex() + s - 1}. Durations above {@link #MAX_TRACKABLE_NANOS} (about 18 minutes) are clamped
 * into the top slot. Immutable, thread-safe, shared per relative accuracy.
 */
public final class NanosBucketIndex {

  /** Largest duration tracked exactly; longer durations are counted in the top bucket. */
  public static final long MAX_TRACKABLE_NANOS = 1L << 40;

  private static final ConcurrentHashMap<Double, NanosBucketIndex> CACHE =
      new ConcurrentHashMap<>();

  private final LogBucketMapping mapping;

  /** Mantissa bits per table row: a sub-range is narrower than one bucket. */
  private final int subBits;

  private final int small;
  private final int minIndex;
  private final int slotCount;
  private final int[] smallSlots;
  private final int[] baseSlots;

  /** upperNanos[s] = largest duration in nanoseconds that falls in slot s. */
  private final long[] upperNanos;

  private NanosBucketIndex(LogBucketMapping mapping) {
    this.mapping = mapping;
    this.subBits = (int) Math.ceil(-Math.log(mapping.gamma() - 1) / Math.log(2)) + 1;
    this.small = 1 << (subBits + 1);
    this.minIndex = exactIndex(mapping, 1);
    int maxIndex = exactIndex(mapping, MAX_TRACKABLE_NANOS);
    this.slotCount = maxIndex - minIndex + 2;
    this.upperNanos = new long[slotCount];
    upperNanos[0] = 0;
    for (int s = 1; s < slotCount; s++) {
      upperNanos[s] = largestNanosAtMost(minIndex + s - 1);
    }
    upperNanos[slotCount - 1] = Long.MAX_VALUE;
    this.smallSlots = new int[small];
    for (int n = 1; n < small; n++) {
      smallSlots[n] = exactSlot(n);
    }
    this.baseSlots = new int[64 << subBits];
    for (int e = subBits + 1; e < 63; e++) {
      for (int sub = 0; sub < (1 << subBits); sub++) {
        long lowest = ((long) ((1 << subBits) | sub)) << (e - subBits);
        baseSlots[(e << subBits) | sub] = exactSlot(lowest);
      }
    }
  }

  /** The shared index for a relative accuracy (built once, about 2 ms). */
  public static NanosBucketIndex forAccuracy(double relativeAccuracy) {
    return CACHE.computeIfAbsent(
        relativeAccuracy, a -> new NanosBucketIndex(new LogBucketMapping(a)));
  }

  /** The mapping of the microsecond values. */
  public LogBucketMapping mapping() {
    return mapping;
  }

  /** Number of slots, including the zero slot. */
  public int slotCount() {
    return slotCount;
  }

  /** Bucket index of slot 1. */
  public int minIndex() {
    return minIndex;
  }

  /** The sketch bucket index of a slot {@code >= 1}. */
  public int bucketIndexOfSlot(int slot) {
    return minIndex + slot - 1;
  }

  /** The slot of a duration in nanoseconds; wait-free, allocation-free. */
  public int slotOf(long nanos) {
    if (nanos < small) {
      return nanos <= 0 ? 0 : smallSlots[(int) nanos];
    }
    int e = 63 - Long.numberOfLeadingZeros(nanos);
    int sub = (int) (nanos >>> (e - subBits)) & ((1 << subBits) - 1);
    int slot = baseSlots[(e << subBits) | sub];
    // a sub-range is narrower than a bucket, so it straddles at most one bucket boundary
    return nanos > upperNanos[slot] ? slot + 1 : slot;
  }

  /** The slot computed the slow way, with {@code Math.log}; for tests and table building. */
  public int exactSlot(long nanos) {
    if (nanos <= 0) {
      return 0;
    }
    if (nanos > MAX_TRACKABLE_NANOS) {
      return slotCount - 1;
    }
    return exactIndex(mapping, nanos) - minIndex + 1;
  }

  private static int exactIndex(LogBucketMapping mapping, long nanos) {
    return mapping.index(nanos / 1000.0);
  }

  /** Largest n >= 1 whose exact index is <= index (binary search on the monotone mapping). */
  private long largestNanosAtMost(int index) {
    long lo = 0;
    long hi = MAX_TRACKABLE_NANOS;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (exactIndex(mapping, mid) <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
