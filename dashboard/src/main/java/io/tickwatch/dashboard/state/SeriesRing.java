package io.tickwatch.dashboard.state;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * A fixed-size ring of one series' points at one resolution: slot {@code (t / resolution) %
 * capacity}, so a newer window overwrites the one exactly {@code capacity} windows older. A final
 * result is never replaced by a later early update of the same window. Thread-safe (synchronized;
 * one writer, short reads).
 */
public final class SeriesRing {

  private final long resolutionMillis;
  private final long[] t;
  private final double[] mean;
  private final double[] p99;
  private final double[] max;
  private final boolean[] finalResult;

  /**
   * @param resolutionMillis width of one point
   * @param capacity points kept
   */
  public SeriesRing(long resolutionMillis, int capacity) {
    this.resolutionMillis = resolutionMillis;
    this.t = new long[capacity];
    Arrays.fill(t, Long.MIN_VALUE);
    this.mean = new double[capacity];
    this.p99 = new double[capacity];
    this.max = new double[capacity];
    this.finalResult = new boolean[capacity];
  }

  /**
   * Stores a point; returns false when it was ignored (older than the slot's point, or an early
   * update of a window whose final result is already in).
   */
  public synchronized boolean put(
      long windowStartMillis, double meanValue, double p99Value, double maxValue, boolean fin) {
    int slot = (int) Math.floorMod(Math.floorDiv(windowStartMillis, resolutionMillis), t.length);
    if (t[slot] > windowStartMillis) {
      return false;
    }
    if (t[slot] == windowStartMillis && finalResult[slot] && !fin) {
      return false;
    }
    t[slot] = windowStartMillis;
    mean[slot] = meanValue;
    p99[slot] = p99Value;
    max[slot] = maxValue;
    finalResult[slot] = fin;
    return true;
  }

  /** The points with {@code fromMillis <= t < toMillis}, ordered by time. */
  public synchronized SeriesColumns read(long fromMillis, long toMillis) {
    TreeMap<Long, double[]> points = new TreeMap<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i] != Long.MIN_VALUE && t[i] >= fromMillis && t[i] < toMillis) {
        points.put(t[i], new double[] {mean[i], p99[i], max[i]});
      }
    }
    return SeriesColumns.of(points);
  }
}
