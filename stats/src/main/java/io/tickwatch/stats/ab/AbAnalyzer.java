package io.tickwatch.stats.ab;

import java.util.Collection;
import java.util.Map;

/**
 * Evaluates an A/B experiment from the per-variant, per-metric sufficient statistics: descriptive
 * summaries, Welch's t-test, Mann-Whitney U, quantile-difference intervals, the always-valid mSPRT,
 * the sample-ratio-mismatch check, Hedges' g, Holm's correction and the verdicts. See {@code
 * docs/STATISTICS.md} for formulas, assumptions and validation.
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
   */
  public AbAnalysis analyze(
      ExperimentSpec spec,
      Collection<ArmData> arms,
      Map<ComparisonKey, Double> previousSequentialPValues) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
