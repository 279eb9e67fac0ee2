package io.tickwatch.stats.anomaly;

/**
 * The value range a detector learns from its warm-up rows, widened on each side by a fraction of
 * its width (the causal stand-in for the file-wide min/max NAB hands its detectors). Used by {@link
 * ArtDetector} and {@link CadOseDetector}; each widens the range its own way when a later value
 * falls outside it.
 */
record WarmupRange(double low, double high) {

  /**
   * @param values the warm-up values (finite, at least one)
   * @param marginFraction added below the minimum and above the maximum, as a fraction of {@code
   *     max - min}
   */
  static WarmupRange of(double[] values, double marginFraction) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double margin = marginFraction * (max - min);
    return new WarmupRange(min - margin, max + margin);
  }
}
