package io.tickwatch.stats.anomaly;

import java.util.Random;

/** Development helper (not a test, not JMH): rough ns per sample of each catalogue detector. */
public final class DetectorCost {
  private DetectorCost() {}

  public static void main(String[] args) {
    int n = 200_000;
    double[] values = new double[n];
    Random random = new Random(1);
    for (int i = 0; i < n; i++) {
      values[i] = 50 + random.nextGaussian() + (i % 5000 == 0 ? 20 : 0);
    }
    for (String name : DetectorCatalog.names()) {
      double best = Double.MAX_VALUE;
      double sink = 0;
      for (int round = 0; round < 3; round++) {
        AnomalyDetector d = DetectorCatalog.factory(name).create();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          sink += d.score(i * 300_000L, values[i]);
        }
        best = Math.min(best, (System.nanoTime() - t0) / (double) n);
      }
      System.out.printf("%-26s %8.0f ns/sample (checksum %.1f)%n", name, best, sink);
    }
    for (String leak : new String[] {"memory-leak"}) {
      MemoryLeakDetector d = new MemoryLeakDetector();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        d.score(i * 1000L, values[i]);
      }
      System.out.printf("%-26s %8.0f ns/sample%n", leak, (System.nanoTime() - t0) / (double) n);
    }
    DegradationScorer deg = new DegradationScorer();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      deg.update(i * 1000L, values[i], values[(i + 1) % n], values[(i + 2) % n]);
    }
    System.out.printf(
        "%-26s %8.0f ns/sample%n",
        "degradation (3 metrics)", (System.nanoTime() - t0) / (double) n);
  }
}
