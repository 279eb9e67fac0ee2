package io.tickwatch.stats.ab;

import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test with tie correction and the normal approximation, on
 * raw values or on the buckets of two {@link LogBucketSketch}es.
 *
 * <p>With {@code N = n_t + n_c}, tie groups of sizes {@code t_j}: {@code mu = n_t n_c / 2}, {@code
 * sigma^2 = n_t n_c / 12 * ((N + 1) - sum(t_j^3 - t_j) / (N (N - 1)))}, {@code z = sign(U - mu)
 * max(0, |U - mu| - 1/2) / sigma}, {@code p = min(1, 2 Phi(-(|U - mu| - 1/2) / sigma))}.
 *
 * <p>On sketches every bucket is one tie group (all values {@code <= 0} form one more group below
 * the first bucket). Two values in different buckets are ordered correctly; two values in the same
 * bucket (within a factor {@code gamma = (1 + a) / (1 - a)} of each other, a the sketch accuracy)
 * count as a tie, so U differs from the raw-value U by at most half the number of cross pairs that
 * share a bucket, reported as {@link MannWhitneyResult#uErrorBound()}. The tie-corrected variance
 * treats the binned values as the data, so the p-value is the exact asymptotic p-value of the
 * binned data.
 */
public final class MannWhitney {

  private static final double SQRT2 = Math.sqrt(2);

  private MannWhitney() {}

  /** The test on raw values (NaN values are not allowed). */
  public static MannWhitneyResult onSamples(double[] control, double[] treatment) {
    int nc = control.length;
    int nt = treatment.length;
    if (nc == 0 || nt == 0) {
      return MannWhitneyResult.notComputable(false);
    }
    requireNoNaN(control);
    requireNoNaN(treatment);
    double[] c = control.clone();
    double[] t = treatment.clone();
    Arrays.sort(c);
    Arrays.sort(t);
    double u = 0;
    double tieSum = 0;
    int i = 0;
    int j = 0;
    while (i < nc || j < nt) {
      double value = j >= nt || (i < nc && c[i] <= t[j]) ? c[i] : t[j];
      int groupC = 0;
      while (i < nc && c[i] == value) {
        i++;
        groupC++;
      }
      int groupT = 0;
      while (j < nt && t[j] == value) {
        j++;
        groupT++;
      }
      // i - groupC control values lie strictly below this group
      u += groupT * ((i - groupC) + groupC / 2.0);
      tieSum += cube(groupC + (double) groupT);
    }
    return finish(u, nt, nc, tieSum, false, 0);
  }

  /**
   * The test on the buckets of two sketches with the same relative accuracy.
   *
   * @throws IllegalArgumentException when the accuracies differ
   */
  public static MannWhitneyResult onSketches(LogBucketSketch control, LogBucketSketch treatment) {
    if (!control.mapping().equals(treatment.mapping())) {
      throw new IllegalArgumentException(
          "sketches have different accuracy: " + control.mapping() + " vs " + treatment.mapping());
    }
    long nc = control.count();
    long nt = treatment.count();
    if (nc == 0 || nt == 0) {
      return MannWhitneyResult.notComputable(true);
    }
    long[] cc = control.bucketCounts();
    long[] ct = treatment.bucketCounts();
    int offC = control.indexOffset();
    int offT = treatment.indexOffset();
    int low =
        Math.min(
            cc.length == 0 ? Integer.MAX_VALUE : offC, ct.length == 0 ? Integer.MAX_VALUE : offT);
    int high =
        Math.max(
            cc.length == 0 ? Integer.MIN_VALUE : offC + cc.length - 1,
            ct.length == 0 ? Integer.MIN_VALUE : offT + ct.length - 1);
    // the zero group first
    double zc = control.zeroCount();
    double zt = treatment.zeroCount();
    double u = zt * zc / 2;
    double controlBelow = zc;
    double tieSum = cube(zc + zt);
    double sharedPairs = zc * zt;
    for (int index = low; index <= high && low <= high; index++) {
      double c = countAt(cc, offC, index);
      double t = countAt(ct, offT, index);
      if (c == 0 && t == 0) {
        continue;
      }
      u += t * (controlBelow + c / 2);
      controlBelow += c;
      tieSum += cube(c + t);
      sharedPairs += c * t;
    }
    return finish(u, nt, nc, tieSum, true, sharedPairs / 2);
  }

  private static void requireNoNaN(double[] values) {
    for (double v : values) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("NaN value in sample");
      }
    }
  }

  private static double countAt(long[] counts, int offset, int index) {
    int k = index - offset;
    return k >= 0 && k < counts.length ? counts[k] : 0;
  }

  private static double cube(double t) {
    return t * t * t - t;
  }

  private static MannWhitneyResult finish(
      double u, double nt, double nc, double tieSum, boolean onBins, double errorBound) {
    double total = nt + nc;
    double mu = nt * nc / 2;
    double variance = nt * nc / 12 * ((total + 1) - tieSum / (total * (total - 1)));
    if (!(variance > 0)) {
      return new MannWhitneyResult(u, Double.NaN, Double.NaN, onBins, errorBound);
    }
    double sigma = Math.sqrt(variance);
    double distance = Math.abs(u - mu) - 0.5;
    double z = Math.signum(u - mu) * Math.max(0, distance) / sigma;
    // 2 * Phi(-x) = erfc(x / sqrt 2)
    double p = Math.min(1.0, Erf.erfc(distance / sigma / SQRT2));
    return new MannWhitneyResult(u, z, p, onBins, errorBound);
  }
}
