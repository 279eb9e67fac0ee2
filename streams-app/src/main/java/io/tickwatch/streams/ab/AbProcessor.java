package io.tickwatch.streams.ab;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.stats.ab.AbAnalysis;
import io.tickwatch.stats.ab.ArmData;
import io.tickwatch.stats.ab.ExperimentSpec;
import io.tickwatch.stats.ab.VariantShare;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.sketch.LogBucketMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates the {@code ab.*} digests of one experiment (records keyed by experiment id) into
 * event-time windows of the cadence, and evaluates the experiment each time windows close. A thin
 * adapter: the statistics are {@link AbAnalysisFunction}'s; the state of every experiment ({@link
 * ExperimentState}) lives in the {@code ab-state} store, written after every record, so a restart
 * resumes from the last committed record and replaying the same input gives the same results.
 *
 * <p>Data are included only while the experiment (from the global experiments table) is RUNNING or
 * STOPPED, and only between its {@code startedAtMillis} and {@code stoppedAtMillis} (event time).
 */
final class AbProcessor implements Processor<String, SampleBatch, String, AbResult> {

  private static final Logger LOG = LoggerFactory.getLogger(AbProcessor.class);

  private final long cadenceMillis;
  private final long graceMillis;
  private final LogBucketMapping mapping;
  private final ExperimentStateCodec codec;
  private final AbAnalysisFunction analysis;
  private final String experimentsStoreName;
  private final String stateStoreName;
  private final Map<String, ExperimentState> decoded = new HashMap<>();
  private ProcessorContext<String, AbResult> context;
  private TimestampedKeyValueStore<String, Experiment> experiments;
  private KeyValueStore<String, byte[]> stateStore;

  AbProcessor(
      AbConfig config,
      AbAnalysisFunction analysis,
      String experimentsStoreName,
      String stateStoreName) {
    this.cadenceMillis = config.cadence().toMillis();
    this.graceMillis = config.grace().toMillis();
    this.mapping = new LogBucketMapping(config.relativeAccuracy());
    this.codec = new ExperimentStateCodec(mapping);
    this.analysis = analysis;
    this.experimentsStoreName = experimentsStoreName;
    this.stateStoreName = stateStoreName;
  }

  @Override
  public void init(ProcessorContext<String, AbResult> context) {
    this.context = context;
    this.experiments = context.getStateStore(experimentsStoreName);
    this.stateStore = context.getStateStore(stateStoreName);
    decoded.clear();
  }

  @Override
  public void process(Record<String, SampleBatch> record) {
    String id = record.key();
    SampleBatch batch = record.value();
    if (id == null || batch == null) {
      return;
    }
    ValueAndTimestamp<Experiment> stored = experiments.get(id);
    Experiment experiment = stored == null ? null : stored.value();
    long time = batch.getStartTimeMillis().toEpochMilli();
    long endMillis = time + (long) batch.getSampleCount() * batch.getSampleIntervalMicros() / 1000;
    if (!included(experiment, time, Math.max(time + 1, endMillis))) {
      return;
    }
    ExperimentState state = state(id);
    for (LatencyDigest digest : batch.getLatencies()) {
      String variant = digest.getLabels().get(AbTopology.VARIANT_LABEL);
      if (variant == null || digest.getCount() <= 0) {
        continue;
      }
      VariantAggregate target = state.target(variant, time, cadenceMillis);
      switch (digest.getName()) {
        case AbTopology.ERRORS_METRIC -> target.addErrors(digest.getCount());
        case AbTopology.UNITS_METRIC -> target.addUnits(digest.getCount());
        default -> add(target.metric(digest.getName(), mapping), digest);
      }
    }
    state.maxEventTimeMillis = Math.max(state.maxEventTimeMillis, time);
    state.dataStartMillis = Math.min(state.dataStartMillis, time);
    if (state.closeWindows(graceMillis)) {
      evaluate(id, experiment, state);
    }
    stateStore.put(id, codec.encode(state));
  }

  /**
   * Whether a batch covering [startMillis, endMillis) counts. A batch that straddles the start
   * counts: agents record units of work only once they have seen the experiment RUNNING, so its
   * digests hold post-start work even though the batch began earlier (and the first batch after the
   * start carries every unit seen first, the SRM check's unit counts).
   */
  private static boolean included(Experiment experiment, long startMillis, long endMillis) {
    if (experiment == null || experiment.getStatus() == ExperimentStatus.DRAFT) {
      return false;
    }
    if (experiment.getStartedAtMillis() != null
        && endMillis <= experiment.getStartedAtMillis().toEpochMilli()) {
      return false;
    }
    long time = startMillis;
    return experiment.getStatus() != ExperimentStatus.STOPPED
        || experiment.getStoppedAtMillis() == null
        || time < experiment.getStoppedAtMillis().toEpochMilli();
  }

  private void add(SeriesAggregate aggregate, LatencyDigest digest) {
    QuantileSketch sketch = digest.getSketch();
    double accuracy = sketch.getRelativeAccuracy();
    if (!(accuracy >= LogBucketMapping.MIN_RELATIVE_ACCURACY && accuracy < 1)) {
      return;
    }
    LogBucketMapping source =
        accuracy == mapping.relativeAccuracy() ? mapping : new LogBucketMapping(accuracy);
    List<Long> counts = sketch.getCounts();
    long[] raw = new long[counts.size()];
    for (int k = 0; k < raw.length; k++) {
      raw[k] = counts.get(k);
    }
    boolean valid =
        aggregate.addDigest(
            digest.getCount(),
            digest.getSumMicros(),
            digest.getMinMicros(),
            digest.getMaxMicros(),
            source,
            sketch.getZeroCount(),
            sketch.getIndexOffset(),
            raw);
    if (!valid) {
      LOG.debug("skipping invalid digest {} {}", digest.getName(), digest.getLabels());
    }
  }

  private void evaluate(String id, Experiment experiment, ExperimentState state) {
    ExperimentSpec spec;
    try {
      spec = AbSpecs.toSpec(experiment);
    } catch (IllegalArgumentException e) {
      LOG.warn("not evaluating experiment {}: {}", id, e.getMessage());
      return;
    }
    List<ArmData> arms = new ArrayList<>();
    for (VariantShare variant : spec.variants()) {
      VariantAggregate aggregate = state.closed.get(variant.name());
      if (aggregate == null) {
        continue;
      }
      for (String metric : spec.metrics()) {
        SeriesAggregate series = aggregate.metrics().get(metric);
        if (series == null) {
          continue;
        }
        arms.add(
            ArmData.of(
                variant.name(),
                metric,
                series.moments(),
                series.sketch(),
                aggregate.errors(),
                aggregate.units()));
      }
    }
    AbAnalysis result;
    try {
      result = analysis.analyze(spec, arms, Map.copyOf(state.sequentialPValues));
    } catch (RuntimeException e) {
      LOG.warn("evaluating experiment {} failed: {}", id, e.toString());
      return;
    }
    AbResult avro =
        AbResults.toAvro(
            id, state.closedUntilMillis, state.dataStartMillis, state.evaluations, result);
    state.evaluations++;
    state.sequentialPValues.clear();
    state.sequentialPValues.putAll(result.sequentialPValues());
    context.forward(new Record<>(id, avro, state.closedUntilMillis));
  }

  private ExperimentState state(String id) {
    ExperimentState state = decoded.get(id);
    if (state == null) {
      byte[] bytes = stateStore.get(id);
      state = bytes == null ? new ExperimentState() : codec.decode(bytes);
      decoded.put(id, state);
    }
    return state;
  }
}
