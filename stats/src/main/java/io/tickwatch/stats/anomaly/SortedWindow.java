package io.tickwatch.stats.anomaly;

import java.util.Arrays;

/**
 * The last {@code capacity} values kept both in arrival order (a ring) and sorted, for rolling
 * order statistics: insert and evict are O(capacity) array shifts, median O(1), MAD O(capacity).
 */
final class SortedWindow implements java.io.Serializable {

  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int next;

  SortedWindow(int capacity) {
    if (capacity < 3) {
      throw new IllegalArgumentException("capacity must be >= 3");
    }
    this.ring = new double[capacity];
    this.sorted = new double[capacity];
  }

  void add(double x) {
    if (size == ring.length) {
      remove(ring[next]);
    }
    ring[next] = x;
    next = (next + 1) % ring.length;
    int at = Arrays.binarySearch(sorted, 0, size, x);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = x;
    size++;
  }

  private void remove(double x) {
    int at = Arrays.binarySearch(sorted, 0, size, x);
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    size--;
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == ring.length;
  }

  /** The {@code q}-quantile (0..1) by nearest rank; requires size > 0. */
  double quantile(double q) {
    int i = (int) Math.round(q * (size - 1));
    return sorted[Math.max(0, Math.min(size - 1, i))];
  }

  double median() {
    return size % 2 == 1 ? sorted[size / 2] : 0.5 * (sorted[size / 2 - 1] + sorted[size / 2]);
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[size - 1];
  }

  /**
   * Median absolute deviation from {@code center}: merges the distances to the left and right of
   * {@code center} (both already ordered) up to the middle rank, O(size).
   */
  double mad(double center) {
    int right = Arrays.binarySearch(sorted, 0, size, center);
    if (right < 0) {
      right = -right - 1;
    }
    int left = right - 1;
    double lower = Double.NaN;
    double upper = Double.NaN;
    int wanted = size / 2; // 0-based rank of the upper middle
    for (int rank = 0; rank <= wanted; rank++) {
      double dl = left >= 0 ? center - sorted[left] : Double.POSITIVE_INFINITY;
      double dr = right < size ? sorted[right] - center : Double.POSITIVE_INFINITY;
      double d;
      if (dl <= dr) {
        d = dl;
        left--;
      } else {
        d = dr;
        right++;
      }
      lower = upper;
      upper = d;
    }
    return size % 2 == 1 ? upper : 0.5 * (lower + upper);
  }

  /** Fraction of stored values strictly below {@code x}. */
  double fractionBelow(double x) {
    int at = Arrays.binarySearch(sorted, 0, size, x);
    if (at < 0) {
      return (double) (-at - 1) / size;
    }
    while (at > 0 && sorted[at - 1] == x) {
      at--;
    }
    return (double) at / size;
  }

  /** Fraction of stored values at or below {@code x}. */
  double fractionAtOrBelow(double x) {
    int at = Arrays.binarySearch(sorted, 0, size, x);
    if (at < 0) {
      return (double) (-at - 1) / size;
    }
    while (at < size - 1 && sorted[at + 1] == x) {
      at++;
    }
    return (double) (at + 1) / size;
  }
}
