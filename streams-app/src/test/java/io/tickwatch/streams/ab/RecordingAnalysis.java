package io.tickwatch.streams.ab;

import io.tickwatch.stats.ab.AbAnalysis;
import io.tickwatch.stats.ab.ArmData;
import io.tickwatch.stats.ab.ComparisonKey;
import io.tickwatch.stats.ab.ExperimentSpec;
import io.tickwatch.stats.ab.MetricComparison;
import io.tickwatch.stats.ab.VariantSummary;
import io.tickwatch.stats.ab.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the statistics that records every call and answers with the arms' counts and a
 * sequential p-value of {@code previous / 2} (1 on the first look), so tests can see what the
 * topology passed in and that it carries the p-values from one look to the next.
 */
final class RecordingAnalysis implements AbAnalysisFunction {

  record Call(ExperimentSpec spec, List<ArmData> arms, Map<ComparisonKey, Double> previous) {
    ArmData arm(String variant, String metric) {
      return arms.stream()
          .filter(a -> a.variant().equals(variant) && a.metric().equals(metric))
          .findFirst()
          .orElseThrow();
    }
  }

  final List<Call> calls = new ArrayList<>();

  @Override
  public AbAnalysis analyze(
      ExperimentSpec spec, Collection<ArmData> arms, Map<ComparisonKey, Double> previous) {
    calls.add(new Call(spec, List.copyOf(arms), Map.copyOf(previous)));
    List<VariantSummary> summaries = new ArrayList<>();
    for (ArmData a : arms) {
      summaries.add(
          new VariantSummary(
              a.variant(),
              a.metric(),
              a.n(),
              a.units(),
              a.mean(),
              Math.sqrt(a.sampleVariance()),
              a.sketch().quantile(0.5),
              a.sketch().quantile(0.95),
              a.sketch().quantile(0.99),
              a.errorCount(),
              a.errorCount() / (double) (a.n() + a.errorCount())));
    }
    List<MetricComparison> comparisons = new ArrayList<>();
    for (String treatment : spec.treatmentVariants()) {
      ComparisonKey key = new ComparisonKey(spec.primaryMetric(), treatment);
      double p = previous.getOrDefault(key, 2.0) / 2;
      comparisons.add(
          new MetricComparison(
              spec.primaryMetric(),
              spec.controlVariant(),
              treatment,
              0,
              0,
              0,
              0,
              1,
              0,
              0,
              0,
              0,
              1,
              true,
              List.of(),
              1,
              p,
              0,
              p,
              Verdict.INCONCLUSIVE));
    }
    return new AbAnalysis(
        spec.confidenceLevel(), summaries, comparisons, 0, 1, Verdict.INCONCLUSIVE, List.of("ok"));
  }
}
