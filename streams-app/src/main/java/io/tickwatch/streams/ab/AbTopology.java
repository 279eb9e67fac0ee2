package io.tickwatch.streams.ab;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerde;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.stats.SampleBatchTimestampExtractor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The A/B topology: aggregates the agents' per-variant {@code ab.*} digests per experiment and
 * emits an {@link AbResult} per experiment each time an event-time window of the cadence closes.
 *
 * <pre>
 * tickwatch.samples ─▶ ab-split-by-experiment ─▶ repartition ab-by-experiment (key experiment id)
 *   ─▶ ab-evaluate [store ab-state; global table ab-experiments] ─▶ tickwatch.ab-results
 * tickwatch.experiments ─▶ global table ab-experiments
 * </pre>
 *
 * <p>{@link #build} is pure: no client, no thread, no clock. Every processor, store and internal
 * topic is named ({@code AbTopologyTest} pins them).
 */
public final class AbTopology {

  /** Name prefix of every processor, store and internal topic. */
  public static final String PREFIX = "ab-";

  /** Global store of the experiment definitions. */
  public static final String EXPERIMENTS_STORE = PREFIX + "experiments";

  /** Store of every experiment's aggregates and evaluation state, logged. */
  public static final String STATE_STORE = PREFIX + "state";

  /** Repartition topic (suffix) of the per-experiment records. */
  public static final String BY_EXPERIMENT_REPARTITION = PREFIX + "by-experiment";

  /** Processor that aggregates and evaluates. */
  public static final String EVALUATE = PREFIX + "evaluate";

  /** Only latency digests whose name starts with this are considered. */
  public static final String METRIC_PREFIX = "ab.";

  /** Label carrying the experiment id. */
  public static final String EXPERIMENT_LABEL = "experiment";

  /** Label carrying the variant name. */
  public static final String VARIANT_LABEL = "variant";

  /** Digest whose count is the number of failed units of work. */
  public static final String ERRORS_METRIC = "ab.errors";

  /** Digest whose count is the number of newly seen distinct units. */
  public static final String UNITS_METRIC = "ab.units";

  private AbTopology() {}

  /** Builds the topology with the production statistics. */
  public static Topology build(AbConfig config, SchemaRegistryClient registry) {
    return build(config, registry, AbAnalysisFunction.standard());
  }

  /**
   * Builds the topology.
   *
   * @param registry schema registry client of the Avro serdes, owned by the caller
   * @param analysis the statistics evaluated on every closed window
   */
  public static Topology build(
      AbConfig config, SchemaRegistryClient registry, AbAnalysisFunction analysis) {
    Serde<String> keys = Serdes.String();
    AvroSerde<SampleBatch> samples = Topics.SAMPLES.valueSerde(registry);
    AvroSerde<Experiment> experiments = Topics.EXPERIMENTS.valueSerde(registry);
    AvroSerde<AbResult> results = Topics.AB_RESULTS.valueSerde(registry);

    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable(
        config.experimentsTopic(),
        Consumed.with(keys, experiments).withName(PREFIX + "experiments-source"),
        Materialized.<String, Experiment, KeyValueStore<Bytes, byte[]>>as(EXPERIMENTS_STORE)
            .withKeySerde(keys)
            .withValueSerde(experiments));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATE_STORE), keys, Serdes.ByteArray())
            .withCachingEnabled());
    builder.stream(
            config.samplesTopic(),
            Consumed.with(keys, samples)
                .withTimestampExtractor(new SampleBatchTimestampExtractor())
                .withName(PREFIX + "samples-source"))
        .flatMap(
            (host, batch) -> ExperimentSplitter.split(batch),
            Named.as(PREFIX + "split-by-experiment"))
        .repartition(
            Repartitioned.<String, SampleBatch>as(BY_EXPERIMENT_REPARTITION)
                .withKeySerde(keys)
                .withValueSerde(new PinnedSubjectSerde<>(samples, config.samplesTopic())))
        .process(
            () -> new AbProcessor(config, analysis, EXPERIMENTS_STORE, STATE_STORE),
            Named.as(EVALUATE),
            STATE_STORE)
        .to(config.resultsTopic(), Produced.with(keys, results).withName(PREFIX + "results-sink"));
    return builder.build();
  }
}
