package io.tickwatch.stats.ab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Validation by simulation with fixed seeds. Every bound is a one-sided 99 % Clopper-Pearson bound
 * of the simulated rate, so a failing assertion means the true rate is on the wrong side of the
 * claim with 99 % confidence, not that the simulation was unlucky. The numbers in
 * docs/STATISTICS.md come from these scenarios; the exact counts are pinned too, so the document
 * and the code cannot drift apart (SplittableRandom is specified, the runs are deterministic).
 */
class AbSimulationTest {

  static final long SEED = 20261128L;
  private static final double CONFIDENCE = 0.99;

  @Test
  void shouldKeepMsprtFalsePositiveRateBelowAlphaWhileNaivePeekingExceedsIt() {
    // 1000 A/A experiments, 100 looks each (every 100 observations per arm up to 10,000)
    SimulationOutcome aa = AbSimulation.run(Scenario.aa(SEED));

    assertThat(aa.msprt().trials()).isEqualTo(1000);
    assertThat(aa.msprt().upperBound(CONFIDENCE)).isLessThanOrEqualTo(0.05);
    assertThat(aa.naiveWelch().lowerBound(CONFIDENCE)).isGreaterThan(0.05);
    // the fixed-horizon Welch test (one look) holds alpha: 0.05 is inside its two-sided bounds
    assertThat(aa.fixedHorizonWelch().lowerBound(CONFIDENCE)).isLessThanOrEqualTo(0.05);
    assertThat(aa.fixedHorizonWelch().upperBound(CONFIDENCE)).isGreaterThanOrEqualTo(0.05);
    // the counts quoted in docs/STATISTICS.md
    assertThat(counts(aa)).containsExactly(30, 371, 53);
  }

  @Test
  void shouldKeepMsprtFalsePositiveRateBelowAlphaOnSkewedLatencies() {
    // 1000 A/A experiments on exp(N(0, 0.5^2)), 40 looks (every 100 per arm up to 4,000)
    SimulationOutcome aa =
        AbSimulation.run(
            Scenario.aa(SEED + 1).withShape(Scenario.Shape.LOGNORMAL).withMaxSamplesPerArm(4_000));

    assertThat(aa.msprt().upperBound(CONFIDENCE)).isLessThanOrEqualTo(0.05);
    assertThat(aa.naiveWelch().lowerBound(CONFIDENCE)).isGreaterThan(0.05);
    assertThat(counts(aa)).containsExactly(18, 290, 53);
  }

  @Test
  void shouldKeepTheFullAnalyzersFalsePositiveRateBelowAlphaUnderPeeking() {
    // 1000 A/A experiments through AbAnalyzer: units randomised 50/50, a look every 100 units up
    // to 2,000 (20 looks), false positive = overall BETTER or WORSE at any look
    BinomialRate falsePositives = AbSimulation.analyzerFalsePositives(SEED, 1000, 2_000, 100);

    assertThat(falsePositives.upperBound(CONFIDENCE)).isLessThanOrEqualTo(0.05);
    assertThat(falsePositives.hits()).isEqualTo(4);
  }

  @Test
  void shouldGainPowerWithTheEffectSizeAndStopEarlyOnLargeEffects() {
    Scenario base = Scenario.aa(SEED + 2);
    SimulationOutcome small = AbSimulation.run(base.withEffect(0.02, 300));
    SimulationOutcome medium = AbSimulation.run(base.withEffect(0.05, 300));
    SimulationOutcome large = AbSimulation.run(base.withEffect(0.1, 300));

    // power grows with the effect (non-overlapping 99 % bounds)
    assertThat(small.msprt().upperBound(CONFIDENCE))
        .isLessThan(medium.msprt().lowerBound(CONFIDENCE));
    assertThat(large.msprt().lowerBound(CONFIDENCE)).isGreaterThan(0.95);
    // 0.05 sd with 10,000 per arm: fixed-horizon power 1 - Phi(1.96 - 3.54) ~ 0.94
    assertThat(medium.fixedHorizonWelch().lowerBound(CONFIDENCE)).isGreaterThan(0.85);
    // the price of always-valid inference: less power than a single look at the full sample
    assertThat(medium.msprt().rate()).isLessThan(medium.fixedHorizonWelch().rate());
    // ...and the gain: a large effect is detected long before the maximum sample
    assertThat(large.meanSamplesPerArmAtMsprtRejection()).isLessThan(5_000);
    assertThat(counts(small)).containsExactly(24, 168, 71);
    assertThat(counts(medium)).containsExactly(230, 289, 287);
    assertThat(counts(large)).containsExactly(299, 300, 300);
  }

  @Test
  void shouldDetectSampleRatioMismatchWithoutFalseAlarms() {
    // 10,000 units per experiment, intended 50/50, threshold 0.001
    BinomialRate fair = AbSimulation.sampleRatioAlarms(SEED, 1000, 10_000, 0.5, 0.001);
    BinomialRate skewed = AbSimulation.sampleRatioAlarms(SEED, 1000, 10_000, 0.52, 0.001);

    assertThat(fair.upperBound(CONFIDENCE)).isLessThan(0.01);
    // 52/48: expected chi2 = 16, detected in most experiments
    assertThat(skewed.lowerBound(CONFIDENCE)).isGreaterThan(0.6);
    assertThat(new int[] {fair.hits(), skewed.hits()}).containsExactly(1, 760);
  }

  @Test
  void shouldCoverTheTrueQuantileDifferenceAtLeastAtTheConfidenceLevel() {
    for (double q : new double[] {0.95, 0.99}) {
      BinomialRate coverage = AbSimulation.quantileCoverage(SEED, 300, 2_000, q, 0.95);
      assertThat(coverage.upperBound(CONFIDENCE)).as("coverage of p%s", q).isGreaterThan(0.95);
      assertThat(coverage.hits()).isEqualTo(294);
    }
  }

  /** Rejections of mSPRT, naive peeking Welch and fixed-horizon Welch. */
  private static int[] counts(SimulationOutcome outcome) {
    return new int[] {
      outcome.msprt().hits(), outcome.naiveWelch().hits(), outcome.fixedHorizonWelch().hits()
    };
  }

  @Test
  void shouldBeDeterministicForAGivenSeed() {
    Scenario scenario = Scenario.aa(3).withEffect(0.03, 20).withMaxSamplesPerArm(2_000);
    assertThat(AbSimulation.run(scenario)).isEqualTo(AbSimulation.run(scenario));
  }
}
