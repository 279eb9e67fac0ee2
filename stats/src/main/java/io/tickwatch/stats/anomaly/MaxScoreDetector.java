package io.tickwatch.stats.anomaly;

import java.util.List;

/**
 * Runs several detectors on the same series and reports the largest of their scores: an alarm of
 * any member is an alarm. Members keep their own state; each sees every sample. Cost: the sum of
 * the members'.
 */
public final class MaxScoreDetector implements AnomalyDetector {

  private static final long serialVersionUID = 1L;

  private final AnomalyDetector[] members;

  public MaxScoreDetector(List<AnomalyDetector> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("at least one member detector is required");
    }
    this.members = members.toArray(new AnomalyDetector[0]);
  }

  @Override
  public double score(long timestampMillis, double value) {
    double max = 0.0;
    for (AnomalyDetector m : members) {
      max = Math.max(max, m.score(timestampMillis, value));
    }
    return max;
  }
}
