package io.tickwatch.streams.ab;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.SampleBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * Splits one sample batch into one record per experiment it carries data of: key = experiment id,
 * value = a copy of the batch with only that experiment's {@code ab.*} latency digests (no series,
 * counters or health). Batches without experiment data produce nothing.
 */
final class ExperimentSplitter {

  private ExperimentSplitter() {}

  static List<KeyValue<String, SampleBatch>> split(SampleBatch batch) {
    if (batch == null || batch.getLatencies() == null) {
      return List.of();
    }
    Map<String, List<LatencyDigest>> byExperiment = new TreeMap<>();
    for (LatencyDigest digest : batch.getLatencies()) {
      if (!digest.getName().startsWith(AbTopology.METRIC_PREFIX)) {
        continue;
      }
      String experiment = digest.getLabels().get(AbTopology.EXPERIMENT_LABEL);
      if (experiment == null || !digest.getLabels().containsKey(AbTopology.VARIANT_LABEL)) {
        continue;
      }
      byExperiment.computeIfAbsent(experiment, e -> new ArrayList<>()).add(digest);
    }
    List<KeyValue<String, SampleBatch>> out = new ArrayList<>(byExperiment.size());
    byExperiment.forEach(
        (experiment, digests) ->
            out.add(
                KeyValue.pair(
                    experiment,
                    SampleBatch.newBuilder(batch)
                        .setSeries(List.of())
                        .setCounters(Map.of())
                        .setHealth(null)
                        .setLatencies(digests)
                        .build())));
    return out;
  }
}
