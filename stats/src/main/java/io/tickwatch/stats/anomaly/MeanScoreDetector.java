package io.tickwatch.stats.anomaly;

import java.util.List;

/**
 * Runs several detectors on the same series and reports the mean of their scores: a sample scores
 * high only when the members agree, so each member's lone false alarms are diluted (where {@link
 * MaxScoreDetector} adds them up). {@link #ALARM} is reached when the members' scores average 0.5,
 * e.g. one member certain (1.0) and the other at 0. Members keep their own state; each sees every
 * sample. Cost: the sum of the members'.
 */
public final class MeanScoreDetector implements AnomalyDetector {

  private static final long serialVersionUID = 1L;

  private final AnomalyDetector[] members;

  public MeanScoreDetector(List<AnomalyDetector> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("at least one member detector is required");
    }
    this.members = members.toArray(new AnomalyDetector[0]);
  }

  @Override
  public double score(long timestampMillis, double value) {
    double sum = 0.0;
    for (AnomalyDetector m : members) {
      sum += m.score(timestampMillis, value);
    }
    return sum / members.length;
  }
}
