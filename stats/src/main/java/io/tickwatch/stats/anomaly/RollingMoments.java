package io.tickwatch.stats.anomaly;

/**
 * Mean and variance of the last {@code capacity} values, updated in O(1) per value with Welford's
 * add/remove recurrences; recomputed exactly from the ring every {@code capacity} values so that
 * rounding cannot accumulate (amortised O(1)). Plain fields only.
 */
final class RollingMoments implements java.io.Serializable {

  private final double[] ring;
  private int size;
  private int next;
  private double mean;
  private double m2;
  private int sinceExact;

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
    if (++sinceExact >= ring.length) {
      recompute();
    }
  }

  private void recompute() {
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += ring[i];
    }
    double exactMean = sum / size;
    double ss = 0;
    for (int i = 0; i < size; i++) {
      double d = ring[i] - exactMean;
      ss += d * d;
    }
    mean = exactMean;
    m2 = ss;
    sinceExact = 0;
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
