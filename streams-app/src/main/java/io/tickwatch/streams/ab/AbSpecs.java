package io.tickwatch.streams.ab;

import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentVariant;
import io.tickwatch.stats.ab.ExperimentSpec;
import io.tickwatch.stats.ab.VariantShare;
import java.util.ArrayList;
import java.util.List;

/** Maps an Avro {@link Experiment} onto the analysis spec of {@code io.tickwatch.stats.ab}. */
final class AbSpecs {

  /** The metric compared when an experiment lists none: the agent's unit-of-work latency. */
  static final String DEFAULT_METRIC = "ab.latency";

  private AbSpecs() {}

  /** The analysis spec; throws {@link IllegalArgumentException} for an invalid definition. */
  static ExperimentSpec toSpec(Experiment experiment) {
    List<VariantShare> variants = new ArrayList<>();
    for (ExperimentVariant v : experiment.getVariants()) {
      variants.add(new VariantShare(v.getName(), v.getTrafficShare()));
    }
    return ExperimentSpec.builder(experiment.getControlVariant(), variants)
        .metrics(metrics(experiment))
        .lowerIsBetter(experiment.getLowerIsBetter())
        .alpha(experiment.getAlpha())
        .build();
  }

  /** The metrics of an experiment, the default when it lists none. */
  static List<String> metrics(Experiment experiment) {
    List<String> metrics = experiment.getMetrics();
    return metrics == null || metrics.isEmpty() ? List.of(DEFAULT_METRIC) : List.copyOf(metrics);
  }
}
