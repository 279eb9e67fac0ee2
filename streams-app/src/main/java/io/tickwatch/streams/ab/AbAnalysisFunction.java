package io.tickwatch.streams.ab;

import io.tickwatch.stats.ab.AbAnalysis;
import io.tickwatch.stats.ab.AbAnalyzer;
import io.tickwatch.stats.ab.ArmData;
import io.tickwatch.stats.ab.ComparisonKey;
import io.tickwatch.stats.ab.ExperimentSpec;
import java.util.Collection;
import java.util.Map;

/** The statistics the topology calls on every closed window; {@link AbAnalyzer} in production. */
@FunctionalInterface
public interface AbAnalysisFunction {

  /** See {@link AbAnalyzer#analyze}. */
  AbAnalysis analyze(
      ExperimentSpec spec,
      Collection<ArmData> arms,
      Map<ComparisonKey, Double> previousSequentialPValues);

  /** The production analyzer. */
  static AbAnalysisFunction standard() {
    AbAnalyzer analyzer = new AbAnalyzer();
    return analyzer::analyze;
  }
}
