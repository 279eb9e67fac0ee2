package io.tickwatch.streams.ab;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.ExperimentVariant;
import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.sketch.LogBucketSketch;
import io.tickwatch.streams.errors.DeadLetters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A {@link TopologyTestDriver} around the A/B topology, with builders for its input. */
final class AbDriver implements AutoCloseable {

  static final String EXPERIMENT = "tick-buffers";
  static final long T0 = 1_700_000_000_000L;

  final InMemorySchemaRegistryClient registry;
  final TopologyTestDriver driver;
  private final TestInputTopic<String, SampleBatch> samples;
  private final TestInputTopic<String, Experiment> experiments;
  private final TestOutputTopic<String, AbResult> results;
  private final List<AbResult> seen = new ArrayList<>();

  AbDriver(AbConfig config, AbAnalysisFunction analysis, Path stateDir) {
    this(config, analysis, stateDir, new InMemorySchemaRegistryClient());
  }

  AbDriver(
      AbConfig config,
      AbAnalysisFunction analysis,
      Path stateDir,
      InMemorySchemaRegistryClient registry) {
    this.registry = registry;
    Properties props =
        AbStreamsConfig.properties(config, "ab-test", "unused:9999", "http://unused.invalid");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(DeadLetters.REGISTRY_CLIENT_CONFIG, registry);
    driver = new TopologyTestDriver(AbTopology.build(config, registry, analysis), props);
    samples =
        driver.createInputTopic(
            config.samplesTopic(),
            new StringSerializer(),
            Topics.SAMPLES.valueSerde(registry).serializer());
    experiments =
        driver.createInputTopic(
            config.experimentsTopic(),
            new StringSerializer(),
            Topics.EXPERIMENTS.valueSerde(registry).serializer());
    results =
        driver.createOutputTopic(
            config.resultsTopic(),
            new StringDeserializer(),
            Topics.AB_RESULTS.valueSerde(registry).deserializer());
  }

  /** Closes this driver and opens another on {@code dir} with the same store contents. */
  AbDriver restart(AbConfig config, AbAnalysisFunction analysis, Path dir, Experiment current) {
    Map<String, Object> entries = new LinkedHashMap<>();
    try (var it = driver.<String, Object>getKeyValueStore(AbTopology.STATE_STORE).all()) {
      it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
    }
    close();
    AbDriver next = new AbDriver(config, analysis, dir, registry);
    var target = next.driver.<String, Object>getKeyValueStore(AbTopology.STATE_STORE);
    entries.forEach(target::put);
    next.experiment(current);
    return next;
  }

  AbDriver experiment(Experiment experiment) {
    experiments.pipeInput(
        experiment.getExperimentId(), experiment, experiment.getUpdatedAtMillis().toEpochMilli());
    return this;
  }

  AbDriver pipe(SampleBatch batch) {
    samples.pipeInput(batch.getHostId(), batch, batch.getStartTimeMillis().toEpochMilli());
    return this;
  }

  /** Every result so far, in output order. */
  List<AbResult> results() {
    seen.addAll(results.readValuesToList());
    return seen;
  }

  @Override
  public void close() {
    driver.close();
  }

  /** A running 50/50 experiment control vs pooled on ab.latency, started at {@code T0}. */
  static Experiment running(ExperimentStatus status) {
    return Experiment.newBuilder()
        .setExperimentId(EXPERIMENT)
        .setVariants(
            List.of(
                new ExperimentVariant("control", 0.5, ""),
                new ExperimentVariant("pooled", 0.5, "")))
        .setControlVariant("control")
        .setAssignmentUnit(AssignmentUnit.SESSION)
        .setMetrics(List.of("ab.latency"))
        .setStatus(status)
        .setCreatedAtMillis(Instant.ofEpochMilli(T0 - 60_000))
        .setStartedAtMillis(status == ExperimentStatus.DRAFT ? null : Instant.ofEpochMilli(T0))
        .setUpdatedAtMillis(Instant.ofEpochMilli(T0 - 1))
        .build();
  }

  /** A batch of {@code host} at {@code startMillis} carrying the given digests. */
  static SampleBatch batch(String host, long startMillis, List<LatencyDigest> digests) {
    return SampleBatch.newBuilder()
        .setHostId(host)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleCount(100)
        .setLatencies(new ArrayList<>(digests))
        .build();
  }

  /** A digest of {@code valuesMicros} for {@code name} under experiment/variant labels. */
  static LatencyDigest digest(String name, String variant, double... valuesMicros) {
    return digest(EXPERIMENT, name, variant, valuesMicros);
  }

  static LatencyDigest digest(
      String experiment, String name, String variant, double... valuesMicros) {
    LogBucketSketch sketch = new LogBucketSketch(0.01);
    double sum = 0;
    double min = Double.NaN;
    double max = Double.NaN;
    for (double v : valuesMicros) {
      sketch.add(v);
      sum += v;
      min = Double.isNaN(min) ? v : Math.min(min, v);
      max = Double.isNaN(max) ? v : Math.max(max, v);
    }
    List<Long> counts = new ArrayList<>();
    for (long c : sketch.bucketCounts()) {
      counts.add(c);
    }
    return LatencyDigest.newBuilder()
        .setName(name)
        .setLabels(Map.of("experiment", experiment, "variant", variant))
        .setCount(valuesMicros.length)
        .setSumMicros(sum)
        .setMinMicros(min)
        .setMaxMicros(max)
        .setSketch(new QuantileSketch(0.01, sketch.zeroCount(), sketch.indexOffset(), counts))
        .build();
  }
}
