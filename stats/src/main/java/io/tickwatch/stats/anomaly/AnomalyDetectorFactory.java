package io.tickwatch.stats.anomaly;

/** Creates a fresh detector (one per series) with a fixed configuration. */
@FunctionalInterface
public interface AnomalyDetectorFactory {

  /** A new detector with empty state. */
  AnomalyDetector create();
}
