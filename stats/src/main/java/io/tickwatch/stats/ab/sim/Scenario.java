package io.tickwatch.stats.ab.sim;

/**
 * One simulated setting: {@code experiments} independent experiments with two arms of equal size,
 * looked at after {@code firstLookSamples} observations per arm and then every {@code
 * lookEverySamples} up to {@code maxSamplesPerArm}.
 *
 * @param seed random seed; the same scenario always gives the same outcome
 * @param experiments number of simulated experiments, {@code >= 1}
 * @param maxSamplesPerArm observations per arm at the last look
 * @param firstLookSamples observations per arm at the first look
 * @param lookEverySamples observations per arm between looks
 * @param effectSize true mean difference (treatment minus control) in control standard deviations;
 *     0 for an A/A experiment
 * @param shape distribution of the observations
 * @param alpha significance level of every test
 * @param mixtureEffectSize the mSPRT's mixing effect size (standard deviations)
 */
public record Scenario(
    long seed,
    int experiments,
    int maxSamplesPerArm,
    int firstLookSamples,
    int lookEverySamples,
    double effectSize,
    Shape shape,
    double alpha,
    double mixtureEffectSize) {

  /** Distribution of simulated observations. */
  public enum Shape {
    /** Standard normal (mean 0, sd 1). */
    NORMAL,
    /**
     * Log-normal {@code exp(N(0, 0.5^2))}, right-skewed like latencies (mean 1.133, sd 0.604); the
     * effect shifts the treatment by {@code effectSize * 0.604}.
     */
    LOGNORMAL
  }

  /** Validates the components. */
  public Scenario {
    if (experiments < 1
        || firstLookSamples < 2
        || lookEverySamples < 1
        || maxSamplesPerArm < firstLookSamples) {
      throw new IllegalArgumentException("invalid scenario " + this);
    }
  }

  /**
   * The A/A scenario of the documentation: 1000 experiments of up to 10,000 normal observations per
   * arm, a look every 100 per arm (100 looks), alpha 0.05, mixing effect 0.1.
   */
  public static Scenario aa(long seed) {
    return new Scenario(seed, 1000, 10_000, 100, 100, 0.0, Shape.NORMAL, 0.05, 0.1);
  }

  /** This scenario with another true effect and number of experiments. */
  public Scenario withEffect(double effect, int experimentCount) {
    return new Scenario(
        seed,
        experimentCount,
        maxSamplesPerArm,
        firstLookSamples,
        lookEverySamples,
        effect,
        shape,
        alpha,
        mixtureEffectSize);
  }

  /** This scenario with another distribution shape. */
  public Scenario withShape(Shape value) {
    return new Scenario(
        seed,
        experiments,
        maxSamplesPerArm,
        firstLookSamples,
        lookEverySamples,
        effectSize,
        value,
        alpha,
        mixtureEffectSize);
  }

  /** This scenario with another maximum number of observations per arm. */
  public Scenario withMaxSamplesPerArm(int value) {
    return new Scenario(
        seed,
        experiments,
        value,
        firstLookSamples,
        lookEverySamples,
        effectSize,
        shape,
        alpha,
        mixtureEffectSize);
  }

  /** Number of looks per experiment. */
  public int looks() {
    return 1 + (maxSamplesPerArm - firstLookSamples) / lookEverySamples;
  }
}
