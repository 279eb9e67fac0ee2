package io.tickwatch.stats.anomaly;

/**
 * Wraps a detector so that one event alarms once: a score that does not exceed the largest inner
 * score of the previous {@code rows} samples is multiplied by {@code damping}. A run of anomalous
 * samples then yields one high score at its start (and again only if it gets worse), which is what
 * an alert (or NAB, where only the earliest detection in a window counts and every other one is a
 * false positive) wants.
 */
public final class RefractoryDetector implements AnomalyDetector {

  private final AnomalyDetector inner;
  private final double[] recent;
  private final double damping;
  private long count;

  public RefractoryDetector(AnomalyDetector inner, int rows, double damping) {
    if (rows < 1 || !(damping >= 0 && damping <= 1)) {
      throw new IllegalArgumentException("need rows >= 1 and 0 <= damping <= 1");
    }
    this.inner = inner;
    this.recent = new double[rows];
    this.damping = damping;
  }

  @Override
  public double score(long timestampMillis, double value) {
    double s = inner.score(timestampMillis, value);
    double recentMax = 0;
    for (double r : recent) {
      recentMax = Math.max(recentMax, r);
    }
    recent[(int) (count++ % recent.length)] = s;
    return s > recentMax ? s : s * damping;
  }
}
