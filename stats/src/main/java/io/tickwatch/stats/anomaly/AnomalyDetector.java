package io.tickwatch.stats.anomaly;

/**
 * A streaming anomaly detector for one series (one host and metric).
 *
 * <p><b>Contract.</b> {@link #score} is called once per sample in event-time order and returns an
 * anomaly score in [0,1]. It is causal: the score of a sample depends only on that sample and the
 * ones before it, so replaying the same input gives the same scores. A score of at least {@link
 * #ALARM} means "anomalous at the detector's configured level" (e.g. 3 sigma for the z-score);
 * other thresholds may be applied by a caller (the NAB sweep chooses its own). Non-finite values
 * are ignored and score 0.
 *
 * <p><b>State.</b> Implementations keep their state in plain primitive fields and arrays (no
 * callbacks, clocks or threads), so that a Kafka Streams adapter can serialise them into a state
 * store. They are {@link java.io.Serializable} for that purpose ({@link DetectorSnapshots}); a
 * restored detector continues exactly where the original stopped. One instance per series, created
 * by a {@link AnomalyDetectorFactory}.
 *
 * <p><b>Threading.</b> Not thread-safe; confine an instance to one thread (a stream task).
 */
public interface AnomalyDetector extends java.io.Serializable {

  /** The score at and above which a sample is anomalous at the configured level. */
  double ALARM = 0.5;

  /**
   * Consumes one sample and scores it.
   *
   * @param timestampMillis event time of the sample, epoch millis; non-decreasing
   * @param value the sample value
   * @return the anomaly score in [0,1]
   */
  double score(long timestampMillis, double value);
}
