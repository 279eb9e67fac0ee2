package io.tickwatch.stats.anomaly;

import java.util.Arrays;

/**
 * The range of values seen in each UTC time-of-day slot on each of the last {@code days} days. A
 * value inside the range of its slot (or a neighbouring one) on one of those earlier days is
 * "familiar at this time of day": the same level was reached at that time on a recent day. Unlike
 * {@link SeasonalEnvelope} (the hull of every earlier day, which only widens), the ranges are kept
 * per day and forgotten after {@code days} days, so familiarity does not saturate on long series
 * and two distant levels do not explain everything between them. The current day's values count
 * only from the next day on, so an event cannot explain itself.
 *
 * <p>Memory: {@code (1440 / slotMinutes) · (days + 1)} entries of two doubles and a long (9 KB at
 * 30-min slots and 7 days); cost: {@code 3 · (days + 1)} comparisons per value.
 */
final class DailyRanges implements java.io.Serializable {

  private static final long serialVersionUID = 1L;
  private static final long DAY_MILLIS = 86_400_000L;

  private final long slotMillis;
  private final int slots;
  private final int days;
  private final int ring;
  private final double[] low;
  private final double[] high;
  private final long[] dayOf;

  /**
   * @param slotMinutes slot width in minutes (divides 1440)
   * @param days earlier days remembered
   */
  DailyRanges(int slotMinutes, int days) {
    if (slotMinutes < 1 || 1440 % slotMinutes != 0 || days < 1) {
      throw new IllegalArgumentException("slotMinutes must divide 1440; days >= 1");
    }
    this.slotMillis = slotMinutes * 60_000L;
    this.slots = 1440 / slotMinutes;
    this.days = days;
    this.ring = days + 1;
    this.low = new double[slots * ring];
    this.high = new double[slots * ring];
    this.dayOf = new long[slots * ring];
    Arrays.fill(dayOf, Long.MIN_VALUE);
  }

  /**
   * Whether {@code value} at {@code timestampMillis} lies within the range of its slot or a
   * neighbouring one on one of the last {@code days} days before today; then records it.
   */
  boolean familiarAndRecord(long timestampMillis, double value) {
    long day = Math.floorDiv(timestampMillis, DAY_MILLIS);
    int slot = (int) (Math.floorMod(timestampMillis, DAY_MILLIS) / slotMillis);
    boolean familiar = false;
    for (int d = -1; d <= 1 && !familiar; d++) {
      int neighbour = slot + d;
      // across midnight the neighbouring slot belongs to the adjacent day: the last slot of day X
      // is next to the first slot of day X + 1
      long dayShift = neighbour < 0 ? 1 : neighbour >= slots ? -1 : 0;
      int base = Math.floorMod(neighbour, slots) * ring;
      for (int k = 0; k < ring; k++) {
        int i = base + k;
        if (dayOf[i] == Long.MIN_VALUE) {
          continue;
        }
        long age = day - (dayOf[i] + dayShift);
        if (age >= 1 && age <= days && value >= low[i] && value <= high[i]) {
          familiar = true;
          break;
        }
      }
    }
    int i = slot * ring + (int) Math.floorMod(day, (long) ring);
    if (dayOf[i] != day) {
      dayOf[i] = day;
      low[i] = value;
      high[i] = value;
    } else {
      low[i] = Math.min(low[i], value);
      high[i] = Math.max(high[i], value);
    }
    return familiar;
  }
}
