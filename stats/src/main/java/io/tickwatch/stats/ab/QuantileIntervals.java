package io.tickwatch.stats.ab;

import io.tickwatch.stats.sketch.LogBucketSketch;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Confidence intervals for the difference of a quantile between two independent arms, from their
 * sketches.
 *
 * <p>Method (the quantile generalisation of Price and Bonett, "Distribution-free confidence
 * intervals for difference and ratio of medians", J. Stat. Comput. Simul. 72, 2002): in each arm
 * the number of observations below the true q-quantile is Binomial(n, q), so the order statistics
 * of 1-based ranks {@code l = floor(nq - z sqrt(nq(1-q)))} and {@code u = ceil(nq + z
 * sqrt(nq(1-q)))} bracket it with probability about the confidence level; the arm's standard error
 * is estimated as {@code (x_(u) - x_(l)) / (2z)}. The difference interval is {@code d +- z
 * sqrt(se_t^2 + se_c^2)}, widened by {@code a (|Q_t| + |Q_c|)} (a the sketch accuracy) to cover the
 * sketch's relative error of the point estimates. An arm with {@code n q (1 - q) < 5} (the normal
 * approximation of the binomial breaks down, e.g. fewer than 506 values for p99) gives NaN bounds;
 * the point difference is still reported.
 */
public final class QuantileIntervals {

  /** Minimum {@code n q (1 - q)} per arm for an interval. */
  static final double MIN_BINOMIAL_VARIANCE = 5;

  private QuantileIntervals() {}

  /**
   * The difference of the {@code q}-quantile (treatment minus control) with its interval.
   *
   * @param q quantile in {@code (0, 1)}
   * @param confidenceLevel interval level in {@code (0, 1)}
   */
  public static QuantileDifference difference(
      LogBucketSketch control, LogBucketSketch treatment, double q, double confidenceLevel) {
    return difference(new RankedSketch(control), new RankedSketch(treatment), q, confidenceLevel);
  }

  static QuantileDifference difference(
      RankedSketch control, RankedSketch treatment, double q, double confidenceLevel) {
    if (control.count() == 0 || treatment.count() == 0) {
      return new QuantileDifference(q, Double.NaN, Double.NaN, Double.NaN);
    }
    double qc = pointEstimate(control, q);
    double qt = pointEstimate(treatment, q);
    double difference = qt - qc;
    double z =
        new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + confidenceLevel / 2);
    double sec = standardError(control, q, z);
    double set = standardError(treatment, q, z);
    if (Double.isNaN(sec) || Double.isNaN(set)) {
      return new QuantileDifference(q, difference, Double.NaN, Double.NaN);
    }
    double half =
        z * Math.hypot(sec, set)
            + Math.max(control.relativeAccuracy(), treatment.relativeAccuracy())
                * (Math.abs(qc) + Math.abs(qt));
    return new QuantileDifference(q, difference, difference - half, difference + half);
  }

  /** The sketch's estimate of the q-quantile: the value of rank {@code floor(q (n - 1))}. */
  static double pointEstimate(RankedSketch sketch, double q) {
    return sketch.valueAt((long) Math.floor(q * (sketch.count() - 1)));
  }

  /** Order-statistic standard error of the q-quantile, NaN when n q (1 - q) is too small. */
  static double standardError(RankedSketch sketch, double q, double z) {
    double n = sketch.count();
    double binomialVariance = n * q * (1 - q);
    if (binomialVariance < MIN_BINOMIAL_VARIANCE) {
      return Double.NaN;
    }
    double spread = z * Math.sqrt(binomialVariance);
    long low = (long) Math.floor(n * q - spread); // 1-based rank
    long high = (long) Math.ceil(n * q + spread);
    double lowValue = sketch.valueAt(low - 1);
    double highValue = sketch.valueAt(high - 1);
    return (highValue - lowValue) / (2 * z);
  }
}
