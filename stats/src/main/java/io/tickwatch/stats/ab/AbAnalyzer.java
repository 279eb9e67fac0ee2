package io.tickwatch.stats.ab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates an A/B experiment from the per-variant, per-metric sufficient statistics: descriptive
 * summaries, Welch's t-test, Mann-Whitney U, quantile-difference intervals, the always-valid mSPRT,
 * the sample-ratio-mismatch check, Hedges' g, Holm's correction and the verdicts. See {@code
 * docs/STATISTICS.md} for formulas, assumptions and validation.
 *
 * <p>Decision rule: a comparison is INVALID when the sample-ratio check fails or an arm has fewer
 * than {@link ExperimentSpec#minSamplesPerArm()} observations (or no variance); otherwise it is
 * BETTER or WORSE (by the sign of the mean difference and {@link ExperimentSpec#lowerIsBetter()})
 * when its Holm-adjusted always-valid mSPRT p-value is at most {@link ExperimentSpec#alpha()}, and
 * INCONCLUSIVE otherwise. The family of the Holm correction is every (treatment, metric)
 * comparison. The overall verdict is decided on the primary metric: INVALID if the SRM check fails
 * or a primary comparison is INVALID, else WORSE if any treatment is worse, else BETTER if any is
 * better, else INCONCLUSIVE.
 *
 * <p>Stateless and thread-safe. The only state across evaluations is the always-valid p-value of
 * each comparison, which the caller keeps: pass {@link AbAnalysis#sequentialPValues()} of the
 * previous evaluation as {@code previousSequentialPValues} of the next one.
 */
public final class AbAnalyzer {

  /** Creates an analyzer. */
  public AbAnalyzer() {}

  /**
   * Analyses all data of an experiment so far.
   *
   * @param spec the experiment
   * @param arms one entry per variant and metric of the spec (entries for unknown variants or
   *     metrics are ignored; a missing entry makes the affected comparisons INVALID)
   * @param previousSequentialPValues always-valid p-values of the previous evaluation (empty on the
   *     first one); the new p-value of a comparison is never larger than its previous one
   * @return the analysis, never null
   * @throws IllegalArgumentException when two arms have the same variant and metric
   */
  public AbAnalysis analyze(
      ExperimentSpec spec,
      Collection<ArmData> arms,
      Map<ComparisonKey, Double> previousSequentialPValues) {
    Map<ComparisonKey, ArmData> byKey = index(arms);
    List<String> reasons = new ArrayList<>();

    List<VariantSummary> summaries = new ArrayList<>();
    for (VariantShare variant : spec.variants()) {
      for (String metric : spec.metrics()) {
        ArmData arm = byKey.get(new ComparisonKey(metric, variant.name()));
        if (arm != null) {
          summaries.add(summarize(arm));
        }
      }
    }

    SrmResult srm = sampleRatio(spec, byKey);
    boolean srmFailed = !Double.isNaN(srm.pValue()) && srm.pValue() < spec.srmThreshold();

    List<Partial> partials = new ArrayList<>();
    for (String treatment : spec.treatmentVariants()) {
      for (String metric : spec.metrics()) {
        ComparisonKey key = new ComparisonKey(metric, treatment);
        Double carried = previousSequentialPValues.get(key);
        // a missing, NaN or out-of-range carried value restarts at 1 (valid, only conservative)
        double previous =
            carried == null || !(carried >= 0) ? 1.0 : Math.min(1.0, carried.doubleValue());
        partials.add(
            compare(
                spec,
                metric,
                byKey.get(new ComparisonKey(metric, spec.controlVariant())),
                byKey.get(key),
                treatment,
                previous));
      }
    }
    double[] sequential = new double[partials.size()];
    for (int i = 0; i < sequential.length; i++) {
      sequential[i] = partials.get(i).sequential.pValue();
    }
    double[] adjusted = Holm.adjust(sequential);

    // a comparison with a missing arm counts in the Holm family (p = 1) but is not emitted
    List<MetricComparison> all = new ArrayList<>();
    for (int i = 0; i < partials.size(); i++) {
      all.add(partials.get(i).finish(spec, adjusted[i], srmFailed));
    }

    Verdict overall = overallVerdict(spec, srm, srmFailed, partials, all, reasons);
    List<MetricComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < partials.size(); i++) {
      if (!partials.get(i).missingArm()) {
        comparisons.add(all.get(i));
      }
    }
    return new AbAnalysis(
        spec.confidenceLevel(),
        summaries,
        comparisons,
        srm.chiSquare(),
        srm.pValue(),
        overall,
        reasons);
  }

  private static Map<ComparisonKey, ArmData> index(Collection<ArmData> arms) {
    Map<ComparisonKey, ArmData> byKey = new HashMap<>();
    for (ArmData arm : arms) {
      ComparisonKey key = new ComparisonKey(arm.metric(), arm.variant());
      if (byKey.put(key, arm) != null) {
        throw new IllegalArgumentException(
            "two arms for variant " + arm.variant() + " and metric " + arm.metric());
      }
    }
    return byKey;
  }

  static VariantSummary summarize(ArmData arm) {
    RankedSketch ranked = new RankedSketch(arm.sketch());
    long n = arm.n();
    long attempts = n + arm.errorCount();
    return new VariantSummary(
        arm.variant(),
        arm.metric(),
        n,
        arm.units(),
        arm.mean(),
        Math.sqrt(arm.sampleVariance()),
        QuantileIntervals.pointEstimate(ranked, 0.50),
        QuantileIntervals.pointEstimate(ranked, 0.95),
        QuantileIntervals.pointEstimate(ranked, 0.99),
        arm.errorCount(),
        attempts == 0 ? 0.0 : (double) arm.errorCount() / attempts);
  }

  /** Units per variant: the largest unit count over the variant's metrics. */
  private static SrmResult sampleRatio(ExperimentSpec spec, Map<ComparisonKey, ArmData> byKey) {
    int k = spec.variants().size();
    long[] units = new long[k];
    double[] shares = new double[k];
    long total = 0;
    for (int i = 0; i < k; i++) {
      VariantShare variant = spec.variants().get(i);
      shares[i] = variant.trafficShare();
      for (String metric : spec.metrics()) {
        ArmData arm = byKey.get(new ComparisonKey(metric, variant.name()));
        if (arm != null) {
          units[i] = Math.max(units[i], arm.units());
        }
      }
      total += units[i];
    }
    if (total == 0) {
      return new SrmResult(Double.NaN, k - 1, Double.NaN);
    }
    return SampleRatioCheck.test(units, shares);
  }

  private static Partial compare(
      ExperimentSpec spec,
      String metric,
      ArmData control,
      ArmData treatment,
      String treatmentName,
      double previousPValue) {
    if (control == null || treatment == null) {
      String missing = control == null ? spec.controlVariant() : treatmentName;
      return Partial.missing(spec, metric, treatmentName, previousPValue, missing);
    }
    long nc = control.n();
    long nt = treatment.n();
    double varC = control.sampleVariance();
    double varT = treatment.sampleVariance();
    WelchResult welch =
        Welch.test(nc, control.mean(), varC, nt, treatment.mean(), varT, spec.confidenceLevel());
    MannWhitneyResult mw = mannWhitney(control, treatment);
    RankedSketch rc = new RankedSketch(control.sketch());
    RankedSketch rt = new RankedSketch(treatment.sketch());
    List<QuantileDifference> quantiles = new ArrayList<>();
    for (double q : spec.quantiles()) {
      quantiles.add(QuantileIntervals.difference(rc, rt, q, spec.confidenceLevel()));
    }
    double g = EffectSize.hedgesG(nc, control.mean(), varC, nt, treatment.mean(), varT);
    String invalidReason = null;
    if (nc < spec.minSamplesPerArm() || nt < spec.minSamplesPerArm()) {
      invalidReason =
          String.format(
              Locale.ROOT,
              "too little data: %d %s and %d %s observations, need %d per arm",
              nc,
              spec.controlVariant(),
              nt,
              treatmentName,
              spec.minSamplesPerArm());
    } else if (!(welch.standardError() > 0)) {
      invalidReason = "no variance in either arm";
    }
    SequentialResult sequential;
    if (invalidReason == null) {
      double tau2 = MixtureSprt.tauSquared(spec.mixtureEffectSize(), nc, varC, nt, varT);
      double se = welch.standardError();
      sequential = MixtureSprt.look(welch.meanDifference(), se * se, tau2, previousPValue);
    } else {
      sequential = new SequentialResult(Double.NaN, Math.min(1.0, previousPValue), false);
    }
    double relative =
        control.mean() == 0 ? Double.NaN : welch.meanDifference() / Math.abs(control.mean());
    return new Partial(
        metric,
        spec.controlVariant(),
        treatmentName,
        welch,
        relative,
        mw,
        quantiles,
        sequential,
        g,
        invalidReason,
        false);
  }

  private static MannWhitneyResult mannWhitney(ArmData control, ArmData treatment) {
    if (control.hasRawSamples() && treatment.hasRawSamples()) {
      return MannWhitney.onSamples(control.rawSamplesUnsafe(), treatment.rawSamplesUnsafe());
    }
    if (!control.sketch().mapping().equals(treatment.sketch().mapping())) {
      return MannWhitneyResult.notComputable(true);
    }
    return MannWhitney.onSketches(control.sketch(), treatment.sketch());
  }

  private static Verdict overallVerdict(
      ExperimentSpec spec,
      SrmResult srm,
      boolean srmFailed,
      List<Partial> partials,
      List<MetricComparison> comparisons,
      List<String> reasons) {
    if (Double.isNaN(srm.pValue())) {
      reasons.add("sample ratio not checked: no unit counts");
    } else {
      reasons.add(
          String.format(
              Locale.ROOT,
              "sample ratio %s: chi2 = %.3g, p = %.3g (threshold %s)",
              srmFailed ? "MISMATCH" : "ok",
              srm.chiSquare(),
              srm.pValue(),
              fmt(spec.srmThreshold())));
    }
    reasons.add(
        String.format(
            Locale.ROOT,
            "decided by the always-valid mSPRT (valid under continuous monitoring), Holm-adjusted"
                + " over %d comparisons, at alpha %s; Welch, Mann-Whitney and quantile intervals"
                + " are reported, not used for the verdict",
            comparisons.size(),
            fmt(spec.alpha())));
    boolean invalid = srmFailed;
    boolean worse = false;
    boolean better = false;
    for (int i = 0; i < comparisons.size(); i++) {
      MetricComparison c = comparisons.get(i);
      Partial partial = partials.get(i);
      boolean primary = c.metric().equals(spec.primaryMetric());
      if (primary) {
        invalid |= c.verdict() == Verdict.INVALID;
        worse |= c.verdict() == Verdict.WORSE;
        better |= c.verdict() == Verdict.BETTER;
      }
      if (primary || c.verdict() == Verdict.BETTER || c.verdict() == Verdict.WORSE) {
        reasons.add(describe(c, partial, primary, spec));
      }
    }
    if (invalid) {
      return Verdict.INVALID;
    }
    if (worse) {
      return Verdict.WORSE;
    }
    return better ? Verdict.BETTER : Verdict.INCONCLUSIVE;
  }

  private static String describe(
      MetricComparison c, Partial partial, boolean primary, ExperimentSpec spec) {
    String head =
        String.format(
            Locale.ROOT,
            "%s%s: %s vs %s is %s",
            primary ? "primary " : "",
            c.metric(),
            c.treatmentVariant(),
            c.controlVariant(),
            c.verdict());
    if (partial.invalidReason != null) {
      return head + " (" + partial.invalidReason + ")";
    }
    return head
        + String.format(
            Locale.ROOT,
            ": mean difference %.4g (%+.2f %%, %s%% CI [%.4g, %.4g]), mSPRT p = %.3g (Holm %.3g),"
                + " Welch p = %.3g, Mann-Whitney p = %.3g, Hedges' g = %.3f",
            c.meanDifference(),
            100 * c.relativeDifference(),
            fmt(100 * spec.confidenceLevel()),
            c.differenceCiLow(),
            c.differenceCiHigh(),
            c.sequentialPValue(),
            c.adjustedPValue(),
            c.welchPValue(),
            c.mannWhitneyPValue(),
            c.effectSize());
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%s", (float) value);
  }

  /** A comparison before the multiple-testing correction. */
  private record Partial(
      String metric,
      String controlVariant,
      String treatmentVariant,
      WelchResult welch,
      double relativeDifference,
      MannWhitneyResult mannWhitney,
      List<QuantileDifference> quantiles,
      SequentialResult sequential,
      double effectSize,
      String invalidReason,
      boolean missingArm) {

    static Partial missing(
        ExperimentSpec spec,
        String metric,
        String treatment,
        double previousPValue,
        String missingVariant) {
      List<QuantileDifference> quantiles = new ArrayList<>();
      for (double q : spec.quantiles()) {
        quantiles.add(new QuantileDifference(q, Double.NaN, Double.NaN, Double.NaN));
      }
      return new Partial(
          metric,
          spec.controlVariant(),
          treatment,
          WelchResult.notComputable(Double.NaN),
          Double.NaN,
          MannWhitneyResult.notComputable(true),
          quantiles,
          new SequentialResult(Double.NaN, Math.min(1.0, previousPValue), false),
          Double.NaN,
          "no data for variant " + missingVariant,
          true);
    }

    MetricComparison finish(ExperimentSpec spec, double adjustedPValue, boolean srmFailed) {
      Verdict verdict;
      if (srmFailed || invalidReason != null) {
        verdict = Verdict.INVALID;
      } else if (adjustedPValue <= spec.alpha()) {
        boolean lower = welch.meanDifference() < 0;
        verdict = lower == spec.lowerIsBetter() ? Verdict.BETTER : Verdict.WORSE;
      } else {
        verdict = Verdict.INCONCLUSIVE;
      }
      return new MetricComparison(
          metric,
          controlVariant,
          treatmentVariant,
          welch.meanDifference(),
          relativeDifference,
          welch.t(),
          welch.degreesOfFreedom(),
          welch.pValue(),
          welch.ciLow(),
          welch.ciHigh(),
          mannWhitney.u(),
          mannWhitney.z(),
          mannWhitney.pValue(),
          mannWhitney.onBins(),
          quantiles,
          sequential.likelihoodRatio(),
          sequential.pValue(),
          effectSize,
          adjustedPValue,
          verdict);
    }
  }
}
