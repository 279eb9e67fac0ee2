package io.tickwatch.stats.ab.sim;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * How many of {@code trials} independent simulated experiments had an outcome (a rejection, an
 * alarm, an interval covering the truth), with exact (Clopper-Pearson) binomial confidence bounds
 * of the true rate.
 *
 * @param hits experiments with the outcome
 * @param trials experiments simulated, {@code >= 1}
 */
public record BinomialRate(int hits, int trials) {

  /** The observed rate. */
  public double rate() {
    return (double) hits / trials;
  }

  /** Binomial standard error of the observed rate, {@code sqrt(r (1 - r) / n)}. */
  public double standardError() {
    double r = rate();
    return Math.sqrt(r * (1 - r) / trials);
  }

  /** One-sided Clopper-Pearson upper bound of the true rate at {@code confidence}. */
  public double upperBound(double confidence) {
    if (hits == trials) {
      return 1.0;
    }
    return new BetaDistribution(null, hits + 1, trials - hits)
        .inverseCumulativeProbability(confidence);
  }

  /** One-sided Clopper-Pearson lower bound of the true rate at {@code confidence}. */
  public double lowerBound(double confidence) {
    if (hits == 0) {
      return 0.0;
    }
    return new BetaDistribution(null, hits, trials - hits + 1)
        .inverseCumulativeProbability(1 - confidence);
  }
}
