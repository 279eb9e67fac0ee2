package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerde;
import io.tickwatch.schemas.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The anomaly topology: applies the detector rules to the hosts' final rolling statistics and emits
 * {@link AnomalyEvent}s.
 *
 * <pre>
 * tickwatch.stats ─▶ anomaly-host-finals (final host records) ─▶ anomaly-key-by-host ─┐
 * tickwatch.anomaly-rules ─▶ anomaly-rules-validate ─▶ anomaly-rules-accepted ────────┤
 *                                         └▶ anomaly-rules-rejected ─▶ tickwatch.dead-letter
 *   anomaly-inputs-merge ─▶ repartition anomaly-by-host (stats: the host's partition; rules: every
 *   partition) ─▶ anomaly-detect [stores anomaly-rules, anomaly-detector-state] ─▶ tickwatch.anomalies
 * </pre>
 *
 * <p>{@link #build} is pure: no client, no thread, no clock. Every processor, store and internal
 * topic is named ({@code AnomalyTopologyNamesTest} pins them).
 */
public final class AnomalyTopology {

  /** Name prefix of every processor, store and internal topic of this topology. */
  public static final String PREFIX = "anomaly-";

  /** Store of the rules received on the rules topic (rule id to canonical JSON), logged. */
  public static final String RULES_STORE = PREFIX + "rules";

  /** Store of every rule's state per series or host (see {@code RuleState}), logged. */
  public static final String STATE_STORE = PREFIX + "detector-state";

  /** Repartition topic (suffix) of statistics keyed by host, with the rule updates broadcast. */
  public static final String BY_HOST_REPARTITION = PREFIX + "by-host";

  /** Name of the rule-validation processor (it appears in dead letters of rejected rules). */
  public static final String VALIDATE = PREFIX + "rules-validate";

  private AnomalyTopology() {}

  /**
   * Builds the topology.
   *
   * @param config the validated configuration (topics, base rules)
   * @param registry schema registry client of the Avro serdes, owned by the caller
   */
  public static Topology build(AnomalyConfig config, SchemaRegistryClient registry) {
    Serde<String> keys = Serdes.String();
    AvroSerde<RollingStats> statsSerde = Topics.STATS.valueSerde(registry);
    AvroSerde<AnomalyEvent> eventSerde = Topics.ANOMALIES.valueSerde(registry);
    AvroSerde<DeadLetter> deadLetterSerde = Topics.DEAD_LETTER.valueSerde(registry);
    AnomalyInputSerde inputSerde = new AnomalyInputSerde(statsSerde, config.statsTopic());

    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, AnomalyInput> stats =
        builder.stream(
                config.statsTopic(),
                Consumed.with(keys, statsSerde).withName(PREFIX + "stats-source"))
            .filter(
                (key, s) -> s != null && s.getFinalResult() && s.getHostId() != null,
                Named.as(PREFIX + "host-finals"))
            .map(
                (key, s) -> KeyValue.pair(s.getHostId(), AnomalyInput.of(s)),
                Named.as(PREFIX + "key-by-host"));

    KStream<String, RuleValidator.Checked> checked =
        builder.stream(
                config.rulesTopic(),
                Consumed.with(keys, Serdes.String()).withName(PREFIX + "rules-source"))
            .process(() -> new RuleValidator(VALIDATE), Named.as(VALIDATE));
    KStream<String, AnomalyInput> accepted =
        checked
            .filter((key, c) -> c.accepted(), Named.as(PREFIX + "rules-accepted"))
            .mapValues(RuleValidator.Checked::update, Named.as(PREFIX + "rules-updates"));
    checked
        .filterNot((key, c) -> c.accepted(), Named.as(PREFIX + "rules-rejected"))
        .mapValues(RuleValidator.Checked::rejection, Named.as(PREFIX + "rules-dead-letters"))
        .to(
            config.deadLetterTopic(),
            Produced.with(keys, deadLetterSerde).withName(PREFIX + "rules-dead-letter-sink"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RULES_STORE), keys, Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATE_STORE), keys, Serdes.ByteArray())
            .withCachingEnabled());
    stats
        .merge(accepted, Named.as(PREFIX + "inputs-merge"))
        .repartition(
            Repartitioned.<String, AnomalyInput>as(BY_HOST_REPARTITION)
                .withKeySerde(keys)
                .withValueSerde(inputSerde)
                .withStreamPartitioner(new ByHostPartitioner()))
        .process(
            () -> new AnomalyProcessor(config.rules(), RULES_STORE, STATE_STORE),
            Named.as(PREFIX + "detect"),
            RULES_STORE,
            STATE_STORE)
        .to(
            config.anomaliesTopic(),
            Produced.with(keys, eventSerde).withName(PREFIX + "events-sink"));
    return builder.build();
  }
}
