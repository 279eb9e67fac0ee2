package io.tickwatch.streams.ab;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.QuantileDifference;
import io.tickwatch.avro.Verdict;
import io.tickwatch.stats.ab.AbAnalysis;
import io.tickwatch.stats.ab.MetricComparison;
import io.tickwatch.stats.ab.VariantSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps an {@link AbAnalysis} (plus id, times and index) 1:1 onto the Avro {@link AbResult}. */
final class AbResults {

  private AbResults() {}

  static AbResult toAvro(
      String experimentId,
      long evaluatedAtMillis,
      long dataStartMillis,
      long evaluationIndex,
      AbAnalysis analysis) {
    List<io.tickwatch.avro.VariantSummary> variants = new ArrayList<>();
    for (VariantSummary v : analysis.variants()) {
      variants.add(
          new io.tickwatch.avro.VariantSummary(
              v.variant(),
              v.metric(),
              v.n(),
              v.units(),
              v.mean(),
              v.stddev(),
              v.p50(),
              v.p95(),
              v.p99(),
              v.errorCount(),
              v.errorRate()));
    }
    List<io.tickwatch.avro.MetricComparison> comparisons = new ArrayList<>();
    for (MetricComparison c : analysis.comparisons()) {
      List<QuantileDifference> quantiles = new ArrayList<>();
      for (io.tickwatch.stats.ab.QuantileDifference q : c.quantileDifferences()) {
        quantiles.add(new QuantileDifference(q.quantile(), q.difference(), q.ciLow(), q.ciHigh()));
      }
      comparisons.add(
          new io.tickwatch.avro.MetricComparison(
              c.metric(),
              c.controlVariant(),
              c.treatmentVariant(),
              c.meanDifference(),
              c.relativeDifference(),
              c.welchT(),
              c.welchDegreesOfFreedom(),
              c.welchPValue(),
              c.differenceCiLow(),
              c.differenceCiHigh(),
              c.mannWhitneyU(),
              c.mannWhitneyZ(),
              c.mannWhitneyPValue(),
              c.mannWhitneyOnBins(),
              quantiles,
              c.sequentialStatistic(),
              c.sequentialPValue(),
              c.effectSize(),
              c.adjustedPValue(),
              Verdict.valueOf(c.verdict().name())));
    }
    return new AbResult(
        experimentId,
        Instant.ofEpochMilli(evaluatedAtMillis),
        Instant.ofEpochMilli(dataStartMillis),
        evaluationIndex,
        analysis.confidenceLevel(),
        variants,
        comparisons,
        analysis.srmChiSquare(),
        analysis.srmPValue(),
        Verdict.valueOf(analysis.verdict().name()),
        new ArrayList<>(analysis.reasons()));
  }
}
