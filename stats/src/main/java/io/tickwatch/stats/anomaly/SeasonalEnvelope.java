package io.tickwatch.stats.anomaly;

import java.util.Arrays;

/**
 * The range of values seen at each time of day on previous days (UTC, in slots of {@code
 * slotMinutes}). A value inside the envelope of its slot or a neighbouring one is "seasonally
 * explained": the same level was reached at that time of day before, like a nightly batch job's CPU
 * spike. Values of the current day enter the envelope only once the day is over, so an event cannot
 * explain itself. Memory: four doubles and a long per slot.
 */
final class SeasonalEnvelope implements java.io.Serializable {

  private static final long DAY_MILLIS = 86_400_000L;

  private final long slotMillis;
  private final int toleranceSlots;
  private final double[] envelopeMin;
  private final double[] envelopeMax;
  private final double[] todayMin;
  private final double[] todayMax;
  private final long[] todayDay;

  SeasonalEnvelope(int slotMinutes, int toleranceSlots) {
    if (slotMinutes < 1 || 1440 % slotMinutes != 0 || toleranceSlots < 0) {
      throw new IllegalArgumentException("slotMinutes must divide 1440; tolerance >= 0");
    }
    int slots = 1440 / slotMinutes;
    this.slotMillis = slotMinutes * 60_000L;
    this.toleranceSlots = toleranceSlots;
    this.envelopeMin = new double[slots];
    this.envelopeMax = new double[slots];
    this.todayMin = new double[slots];
    this.todayMax = new double[slots];
    this.todayDay = new long[slots];
    Arrays.fill(envelopeMin, Double.POSITIVE_INFINITY);
    Arrays.fill(envelopeMax, Double.NEGATIVE_INFINITY);
    Arrays.fill(todayDay, -1L);
  }

  /**
   * Whether {@code value} at {@code timestampMillis} is within an earlier day's range; records it.
   */
  boolean explainsAndRecord(long timestampMillis, double value) {
    long day = Math.floorDiv(timestampMillis, DAY_MILLIS);
    int slots = envelopeMin.length;
    int slot = (int) (Math.floorMod(timestampMillis, DAY_MILLIS) / slotMillis);
    boolean explained = false;
    for (int d = -toleranceSlots; d <= toleranceSlots; d++) {
      int s = Math.floorMod(slot + d, slots);
      if (todayDay[s] >= 0 && todayDay[s] < day) {
        envelopeMin[s] = Math.min(envelopeMin[s], todayMin[s]);
        envelopeMax[s] = Math.max(envelopeMax[s], todayMax[s]);
        todayDay[s] = -1L;
      }
      if (value >= envelopeMin[s] && value <= envelopeMax[s]) {
        explained = true;
      }
    }
    if (todayDay[slot] != day) {
      todayDay[slot] = day;
      todayMin[slot] = value;
      todayMax[slot] = value;
    } else {
      todayMin[slot] = Math.min(todayMin[slot], value);
      todayMax[slot] = Math.max(todayMax[slot], value);
    }
    return explained;
  }
}
