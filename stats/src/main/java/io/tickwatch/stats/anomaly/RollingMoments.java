package io.tickwatch.stats.anomaly;

/**
 * Mean and variance of the last {@code capacity} values, updated in O(1) per value with Welford's
 * add/remove recurrences. Plain fields only (a ring buffer and three doubles).
 */
final class RollingMoments {

  private final double[] ring;
  private int size;
  private int next;
  private double mean;
  private double m2;

  RollingMoments(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be >= 2");
    }
    this.ring = new double[capacity];
  }

  void add(double x) {
    if (size == ring.length) {
      double old = ring[next];
      double oldMean = mean;
      mean -= (old - mean) / (size - 1);
      m2 -= (old - oldMean) * (old - mean);
      size--;
    }
    ring[next] = x;
    next = (next + 1) % ring.length;
    size++;
    double delta = x - mean;
    mean += delta / size;
    m2 += delta * (x - mean);
    if (m2 < 0) {
      m2 = 0;
    }
  }

  int size() {
    return size;
  }

  double mean() {
    return mean;
  }

  /** Sample standard deviation (n - 1), 0 with fewer than two values. */
  double sampleStdDev() {
    return size < 2 ? 0.0 : Math.sqrt(m2 / (size - 1));
  }
}
