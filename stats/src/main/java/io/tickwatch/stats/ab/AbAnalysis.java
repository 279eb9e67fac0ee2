package io.tickwatch.stats.ab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of an experiment: everything of Avro {@code AbResult} except the experiment id,
 * the times and the evaluation index, which the caller adds. Immutable.
 *
 * @param confidenceLevel confidence level of every interval, for example 0.95
 * @param variants one summary per variant and metric that has data, in spec order (variants outer,
 *     metrics inner)
 * @param comparisons one per treatment variant and metric where both arms have data (a missing arm
 *     leaves its comparison out and makes it INVALID in the reasons)
 * @param srmChiSquare chi-square statistic of the observed unit split against the intended shares
 * @param srmPValue p-value of the sample-ratio-mismatch test (NaN when it cannot be computed)
 * @param verdict overall verdict (decided on the primary metric, the first of the spec)
 * @param reasons human-readable reasons behind the verdict
 */
public record AbAnalysis(
    double confidenceLevel,
    List<VariantSummary> variants,
    List<MetricComparison> comparisons,
    double srmChiSquare,
    double srmPValue,
    Verdict verdict,
    List<String> reasons) {

  /** Copies the lists. */
  public AbAnalysis {
    variants = List.copyOf(variants);
    comparisons = List.copyOf(comparisons);
    reasons = List.copyOf(reasons);
  }

  /**
   * The always-valid p-values of this look, to pass to the next {@link AbAnalyzer#analyze} call as
   * {@code previousSequentialPValues} (keep them in the caller's state). Only emitted comparisons
   * are included; arms are cumulative, so a comparison once emitted stays.
   */
  public Map<ComparisonKey, Double> sequentialPValues() {
    Map<ComparisonKey, Double> values = new HashMap<>();
    for (MetricComparison c : comparisons) {
      values.put(c.key(), c.sequentialPValue());
    }
    return Map.copyOf(values);
  }
}
