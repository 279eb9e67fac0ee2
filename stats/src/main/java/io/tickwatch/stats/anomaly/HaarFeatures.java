package io.tickwatch.stats.anomaly;

/**
 * The feature vector {@link ArtDetector} presents to its ART memory, built from the last {@code n}
 * normalised values ({@code n} a power of two): the window's <i>shape</i> (the values shifted and
 * scaled to [0,1] within the window, then their full orthonormal Haar wavelet decomposition, scaled
 * to [0,1] again), followed by the <i>levels</i> (the values themselves, already in [0,1]). The
 * last component is therefore the newest value.
 */
final class HaarFeatures {

  private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);

  private HaarFeatures() {}

  /**
   * Writes the {@code 2n} features of {@code window} into {@code out}.
   *
   * @param window the last {@code n} values, oldest first, each in [0,1]
   * @param scratch working space of length {@code n}
   * @param out destination of length {@code 2n}
   */
  static void compute(double[] window, double[] scratch, double[] out) {
    int n = window.length;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : window) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double span = max - min;
    for (int i = 0; i < n; i++) {
      scratch[i] = span == 0.0 ? 0.0 : (window[i] - min) / span;
    }
    transform(scratch, out, n);
    scaleToUnit(out, n);
    System.arraycopy(window, 0, out, n, n);
  }

  /**
   * Full Haar decomposition of {@code values[0..n)} (destroyed) into {@code out[0..n)}: the overall
   * approximation first, then the detail coefficients from the coarsest level to the finest.
   */
  static void transform(double[] values, double[] out, int n) {
    if (Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("window length must be a power of two: " + n);
    }
    int len = n;
    while (len > 1) {
      int half = len / 2;
      for (int i = 0; i < half; i++) {
        double a = values[2 * i];
        double b = values[2 * i + 1];
        out[half + i] = (a - b) * INV_SQRT2;
        values[i] = (a + b) * INV_SQRT2;
      }
      len = half;
    }
    out[0] = values[0];
  }

  private static void scaleToUnit(double[] v, int n) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, v[i]);
      max = Math.max(max, v[i]);
    }
    double span = max - min;
    for (int i = 0; i < n; i++) {
      v[i] = span == 0.0 ? 0.0 : (v[i] - min) / span;
    }
  }
}
