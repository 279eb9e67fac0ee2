package io.tickwatch.stats.ab.sim;

import io.tickwatch.stats.ab.AbAnalysis;
import io.tickwatch.stats.ab.AbAnalyzer;
import io.tickwatch.stats.ab.ArmData;
import io.tickwatch.stats.ab.ComparisonKey;
import io.tickwatch.stats.ab.ExperimentSpec;
import io.tickwatch.stats.ab.MixtureSprt;
import io.tickwatch.stats.ab.QuantileDifference;
import io.tickwatch.stats.ab.QuantileIntervals;
import io.tickwatch.stats.ab.SampleRatioCheck;
import io.tickwatch.stats.ab.SequentialResult;
import io.tickwatch.stats.ab.VariantShare;
import io.tickwatch.stats.ab.Verdict;
import io.tickwatch.stats.ab.Welch;
import io.tickwatch.stats.ab.WelchResult;
import io.tickwatch.stats.rolling.Moments;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Monte-Carlo simulation of two-arm experiments under continuous monitoring. Every experiment draws
 * both arms from the scenario's distribution (the treatment shifted by the true effect), updates
 * streaming moments and, at every look, runs the same code as {@link
 * io.tickwatch.stats.ab.AbAnalyzer}: {@link Welch#test} and {@link MixtureSprt#look} with the
 * always-valid p-value carried across looks. Deterministic for a given scenario; stateless.
 */
public final class AbSimulation {

  private static final double LOGNORMAL_SIGMA = 0.5;
  private static final String CONTROL = "control";
  private static final String TREATMENT = "treatment";
  private static final String METRIC = "latency";

  /** Standard deviation of {@code exp(N(0, 0.5^2))}. */
  static final double LOGNORMAL_SD =
      Math.sqrt(
          (Math.exp(LOGNORMAL_SIGMA * LOGNORMAL_SIGMA) - 1)
              * Math.exp(LOGNORMAL_SIGMA * LOGNORMAL_SIGMA));

  private AbSimulation() {}

  /** Runs the scenario. */
  public static SimulationOutcome run(Scenario scenario) {
    SplittableRandom root = new SplittableRandom(scenario.seed());
    int msprt = 0;
    int naive = 0;
    int fixed = 0;
    double samplesAtRejection = 0;
    for (int e = 0; e < scenario.experiments(); e++) {
      Experiment result = runOne(scenario, root.split());
      msprt += result.msprtRejectedAt > 0 ? 1 : 0;
      samplesAtRejection += Math.max(0, result.msprtRejectedAt);
      naive += result.naiveRejected ? 1 : 0;
      fixed += result.fixedRejected ? 1 : 0;
    }
    int n = scenario.experiments();
    return new SimulationOutcome(
        scenario,
        new BinomialRate(msprt, n),
        new BinomialRate(naive, n),
        new BinomialRate(fixed, n),
        msprt == 0 ? Double.NaN : samplesAtRejection / msprt);
  }

  /**
   * False-positive rate of the full {@link AbAnalyzer} (sketches, SRM check, Holm, verdict) in A/A
   * experiments under continuous monitoring: every unit is randomised 50/50 and contributes one
   * log-normal {@code exp(N(0, 0.5^2))} value; the analyzer looks every {@code lookEveryUnits}
   * units up to {@code maxUnits}, carrying its always-valid p-values; a hit is an experiment whose
   * overall verdict is BETTER or WORSE at any look.
   */
  public static BinomialRate analyzerFalsePositives(
      long seed, int experiments, int maxUnits, int lookEveryUnits) {
    ExperimentSpec spec =
        ExperimentSpec.of(
            List.of(new VariantShare(CONTROL, 0.5), new VariantShare(TREATMENT, 0.5)),
            CONTROL,
            List.of(METRIC));
    AbAnalyzer analyzer = new AbAnalyzer();
    SplittableRandom root = new SplittableRandom(seed);
    int falsePositives = 0;
    for (int e = 0; e < experiments; e++) {
      SplittableRandom random = root.split();
      Moments[] moments = {new Moments(), new Moments()};
      LogBucketSketch[] sketches = {
        LogBucketSketch.withDefaultAccuracy(), LogBucketSketch.withDefaultAccuracy()
      };
      long[] units = new long[2];
      Map<ComparisonKey, Double> carried = Map.of();
      boolean rejected = false;
      for (int unit = 1; unit <= maxUnits && !rejected; unit++) {
        int arm = random.nextBoolean() ? 0 : 1;
        double value = Math.exp(LOGNORMAL_SIGMA * random.nextGaussian());
        moments[arm].add(value);
        sketches[arm].add(value);
        units[arm]++;
        if (unit % lookEveryUnits == 0) {
          AbAnalysis analysis =
              analyzer.analyze(
                  spec,
                  List.of(
                      ArmData.of(CONTROL, METRIC, moments[0], sketches[0], 0, units[0]),
                      ArmData.of(TREATMENT, METRIC, moments[1], sketches[1], 0, units[1])),
                  carried);
          carried = analysis.sequentialPValues();
          rejected = analysis.verdict() == Verdict.BETTER || analysis.verdict() == Verdict.WORSE;
        }
      }
      falsePositives += rejected ? 1 : 0;
    }
    return new BinomialRate(falsePositives, experiments);
  }

  /**
   * Alarm rate of the sample-ratio check: {@code experiments} experiments of {@code units} units
   * each, every unit assigned to the control with probability {@code trueControlShare}, checked
   * against an intended 50/50 split at {@code threshold}.
   */
  public static BinomialRate sampleRatioAlarms(
      long seed, int experiments, int units, double trueControlShare, double threshold) {
    SplittableRandom random = new SplittableRandom(seed);
    int alarms = 0;
    for (int e = 0; e < experiments; e++) {
      long control = 0;
      for (int u = 0; u < units; u++) {
        if (random.nextDouble() < trueControlShare) {
          control++;
        }
      }
      double p =
          SampleRatioCheck.test(new long[] {control, units - control}, new double[] {0.5, 0.5})
              .pValue();
      if (p < threshold) {
        alarms++;
      }
    }
    return new BinomialRate(alarms, experiments);
  }

  /**
   * Coverage of the quantile-difference interval ({@link QuantileIntervals}): {@code repetitions}
   * experiments with {@code samplesPerArm} values per arm, control Exp(1), treatment 1.2 Exp(1)
   * (true q-quantile difference {@code -0.2 ln(1 - q)}), default sketch accuracy (1 %); a hit is an
   * interval that contains the true difference.
   */
  public static BinomialRate quantileCoverage(
      long seed, int repetitions, int samplesPerArm, double q, double confidenceLevel) {
    SplittableRandom random = new SplittableRandom(seed);
    double truth = -0.2 * Math.log(1 - q);
    int covered = 0;
    for (int k = 0; k < repetitions; k++) {
      LogBucketSketch control = LogBucketSketch.withDefaultAccuracy();
      LogBucketSketch treatment = LogBucketSketch.withDefaultAccuracy();
      for (int i = 0; i < samplesPerArm; i++) {
        control.add(-Math.log(1 - random.nextDouble()));
        treatment.add(-1.2 * Math.log(1 - random.nextDouble()));
      }
      QuantileDifference d = QuantileIntervals.difference(control, treatment, q, confidenceLevel);
      if (d.ciLow() <= truth && truth <= d.ciHigh()) {
        covered++;
      }
    }
    return new BinomialRate(covered, repetitions);
  }

  /** One draw of the scenario's distribution for an arm with the given mean shift. */
  static double draw(SplittableRandom random, Scenario.Shape shape, double shiftSd) {
    return switch (shape) {
      case NORMAL -> random.nextGaussian() + shiftSd;
      case LOGNORMAL -> Math.exp(LOGNORMAL_SIGMA * random.nextGaussian()) + shiftSd * LOGNORMAL_SD;
    };
  }

  private static Experiment runOne(Scenario s, SplittableRandom random) {
    Moments control = new Moments();
    Moments treatment = new Moments();
    double previous = 1.0;
    int rejectedAt = 0;
    boolean naive = false;
    WelchResult last = null;
    int nextLook = s.firstLookSamples();
    for (int n = 1; n <= s.maxSamplesPerArm(); n++) {
      control.add(draw(random, s.shape(), 0));
      treatment.add(draw(random, s.shape(), s.effectSize()));
      if (n != nextLook) {
        continue;
      }
      nextLook += s.lookEverySamples();
      double vc = control.m2() / (n - 1);
      double vt = treatment.m2() / (n - 1);
      last = Welch.testWithoutInterval(n, control.mean(), vc, n, treatment.mean(), vt);
      naive |= last.pValue() < s.alpha();
      if (rejectedAt == 0) {
        double tau2 = MixtureSprt.tauSquared(s.mixtureEffectSize(), n, vc, n, vt);
        double se = last.standardError();
        SequentialResult look = MixtureSprt.look(last.meanDifference(), se * se, tau2, previous);
        previous = look.pValue();
        if (previous <= s.alpha()) {
          rejectedAt = n;
        }
      }
    }
    boolean fixedRejected = last != null && last.pValue() < s.alpha();
    return new Experiment(rejectedAt, naive, fixedRejected);
  }

  private record Experiment(int msprtRejectedAt, boolean naiveRejected, boolean fixedRejected) {}
}
