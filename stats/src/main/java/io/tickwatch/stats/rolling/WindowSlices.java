package io.tickwatch.stats.rolling;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the fixed-rate sample slots of one batch at tumbling-window boundaries. Slot {@code k} of
 * a batch starting at {@code startMillis} has event time {@code startMillis + floor(k *
 * intervalMicros / 1000)}; windows are aligned to the epoch ({@code [n * size, (n + 1) * size)}).
 */
public final class WindowSlices {

  /** No lower bound for {@link #split}. */
  public static final long UNBOUNDED_FROM = Long.MIN_VALUE;

  /** No upper bound for {@link #split}. */
  public static final long UNBOUNDED_TO = Long.MAX_VALUE;

  private WindowSlices() {}

  /**
   * The slots {@code [fromSlot, toSlot)} of one batch that fall into one window.
   *
   * @param windowStartMillis start of the window (epoch milliseconds)
   * @param firstSlotMillis event time of slot {@code fromSlot}
   * @param fromSlot first slot, inclusive
   * @param toSlot last slot, exclusive
   */
  public record SlotRange(long windowStartMillis, long firstSlotMillis, int fromSlot, int toSlot) {}

  /**
   * Splits the slots of a batch at window boundaries, keeping only slots whose event time is in
   * {@code [fromMillis, toMillis)}.
   *
   * @param startMillis event time of slot 0
   * @param intervalMicros slot spacing, {@code > 0}
   * @param sampleCount number of slots, {@code >= 0}
   * @param windowMillis window size, {@code > 0}
   * @return the non-empty ranges in slot order (empty when no slot is in range)
   */
  public static List<SlotRange> split(
      long startMillis,
      int intervalMicros,
      int sampleCount,
      long windowMillis,
      long fromMillis,
      long toMillis) {
    if (intervalMicros <= 0 || sampleCount < 0 || windowMillis <= 0) {
      throw new IllegalArgumentException(
          "intervalMicros and windowMillis must be > 0 and sampleCount >= 0");
    }
    List<SlotRange> ranges = new ArrayList<>(2);
    if (sampleCount == 0) {
      return ranges;
    }
    int low =
        fromMillis <= startMillis ? 0 : firstSlotAtOrAfter(startMillis, intervalMicros, fromMillis);
    long lastSlotMillis = slotMillis(startMillis, intervalMicros, sampleCount - 1);
    int high =
        toMillis > lastSlotMillis
            ? sampleCount
            : (toMillis <= startMillis
                ? 0
                : firstSlotAtOrAfter(startMillis, intervalMicros, toMillis));
    high = Math.min(high, sampleCount);
    int k = low;
    while (k < high) {
      long slotTime = slotMillis(startMillis, intervalMicros, k);
      long windowStart = Math.floorDiv(slotTime, windowMillis) * windowMillis;
      long boundary = windowStart + windowMillis;
      int next = Math.min(high, firstSlotAtOrAfter(startMillis, intervalMicros, boundary));
      ranges.add(new SlotRange(windowStart, slotTime, k, next));
      k = next;
    }
    return ranges;
  }

  /** Event time of slot {@code k}. */
  public static long slotMillis(long startMillis, int intervalMicros, int k) {
    return startMillis + Math.floorDiv((long) k * intervalMicros, 1000L);
  }

  /** The first slot whose event time is {@code >= timeMillis} (which is after startMillis). */
  private static int firstSlotAtOrAfter(long startMillis, int intervalMicros, long timeMillis) {
    long micros = (timeMillis - startMillis) * 1000L;
    long slot = -Math.floorDiv(-micros, (long) intervalMicros);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, slot));
  }
}
