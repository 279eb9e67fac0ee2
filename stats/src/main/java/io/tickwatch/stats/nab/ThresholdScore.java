package io.tickwatch.stats.nab;

/**
 * The raw NAB score of a set of series at one threshold.
 *
 * @param threshold rows with anomaly score {@code >= threshold} are detections (1.1 means none)
 * @param rawScore sum of TP rewards, FP costs and FN costs
 * @param detectedWindows windows with at least one detection
 * @param missedWindows windows without a detection
 * @param falsePositives detections outside every window
 */
public record ThresholdScore(
    double threshold, double rawScore, int detectedWindows, int missedWindows, int falsePositives) {

  /** Number of windows scored. */
  public int windows() {
    return detectedWindows + missedWindows;
  }
}
