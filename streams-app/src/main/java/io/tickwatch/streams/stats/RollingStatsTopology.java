package io.tickwatch.streams.stats;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerde;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.rolling.FleetAggregate;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.sketch.LogBucketMapping;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The rolling-statistics topology: windowed count, mean, min, max, standard deviation, rate and
 * percentiles of every series of every host, and fleet-wide per series, at every configured window
 * size.
 *
 * <pre>
 * samples ─▶ split at window boundaries ─▶ per host, smallest window: aggregate (store
 *   stats-host-1s) ─▶ suppress until close ─▶ tickwatch.stats
 *                 └▶ suppress live interval ─▶ tickwatch.stats-live
 * host finals of the smallest window ─▶ by host (repartition stats-host-finals-by-host) ─▶ per
 *   larger size: aggregate (store stats-host-&lt;size&gt;) ─▶ final / live as above
 * host finals of the smallest window ─▶ per series (repartition stats-fleet-by-series) ─▶
 *   stats-fleet-windows (stores stats-fleet-&lt;size&gt;, stats-fleet-progress): finals once every
 *   host has reported past a window's end, throttled live updates
 * </pre>
 *
 * <p>Every larger window is the merge of its smallest windows' final results, so a 10 s window
 * always equals the merge of its ten 1 s windows, late data included.
 *
 * <p>{@link #build} is a pure function: it creates no client and no thread. Every processor, store
 * and internal topic is named (see {@code RollingStatsTopologyNamesTest}).
 */
public final class RollingStatsTopology {

  /** Name prefix of every processor, store and internal topic of this topology. */
  public static final String PREFIX = "stats-";

  /**
   * Repartition topic (suffix) of the hosts' final results of the smallest window, which feed the
   * larger host windows.
   */
  public static final String HOST_REPARTITION = PREFIX + "host-finals-by-host";

  /** Repartition topic (suffix) of the fleet-wide contributions. */
  public static final String FLEET_REPARTITION = PREFIX + "fleet-by-series";

  /** Store of the fleet watermark: host progress and emitted window ends. */
  public static final String FLEET_PROGRESS_STORE = PREFIX + "fleet-progress";

  /**
   * Event-time skew between hosts that fleet windows tolerate: a host's results may arrive this
   * much behind the fastest host's before its fleet windows have left the store.
   */
  public static final Duration MAX_FLEET_SKEW = Duration.ofHours(1);

  /** Minimum history every window store keeps, for interactive queries. */
  public static final Duration MIN_RETENTION = Duration.ofHours(1);

  /**
   * Bytes of the in-memory buffer of each live-update suppression and task (not logged; when full
   * it emits early rather than failing). Normal use holds one entry per open window and key.
   */
  static final long LIVE_BUFFER_BYTES = 2L * 1024 * 1024;

  private RollingStatsTopology() {}

  /**
   * Builds the topology.
   *
   * @param config the validated configuration
   * @param registry schema registry client for the Avro input and output topics (owned by the
   *     caller, used by the serdes for the lifetime of the topology)
   */
  public static Topology build(RollingStatsConfig config, SchemaRegistryClient registry) {
    LogBucketMapping mapping = config.mapping();
    Serde<String> keys = Serdes.String();
    AvroSerde<SampleBatch> samples = Topics.SAMPLES.valueSerde(registry);
    AvroSerde<RollingStats> stats = Topics.STATS.valueSerde(registry);
    Serde<HostAggregate> hostSerde = AggregateSerdes.host(mapping);
    Serde<FleetAggregate> fleetSerde = AggregateSerdes.fleet(mapping);
    Duration smallest = config.smallestWindow();

    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, HostAggregate> parts =
        builder.stream(
                config.inputTopic(),
                Consumed.with(keys, samples)
                    .withTimestampExtractor(new SampleBatchTimestampExtractor())
                    .withName(PREFIX + "samples-source"))
            .processValues(
                () -> new BatchSlicer(mapping, smallest.toMillis()),
                Named.as(PREFIX + "split-at-window-boundaries"));
    KGroupedStream<String, HostAggregate> byHost =
        parts.groupByKey(Grouped.with(PREFIX + "by-host", keys, hostSerde));

    // the smallest window aggregates the batch slices; every larger window merges the final
    // results of the smallest (one store update per host and second instead of per batch)
    String smallestLabel = label(smallest);
    KTable<Windowed<String>, HostAggregate> smallestTable =
        byHost
            .windowedBy(TimeWindows.ofSizeAndGrace(smallest, config.grace()))
            .aggregate(
                () -> new HostAggregate(mapping),
                (host, part, aggregate) -> aggregate.merge(part),
                Named.as(PREFIX + "host-" + smallestLabel + "-aggregate"),
                Materialized.<String, HostAggregate, WindowStore<Bytes, byte[]>>as(
                        storeName(smallest))
                    .withKeySerde(keys)
                    .withValueSerde(hostSerde)
                    .withRetention(retention(smallest, config.grace())));
    KStream<Windowed<String>, HostAggregate> smallestFinals =
        hostOutputs(smallestTable, config, smallest, stats);

    if (config.windowSizes().size() > 1) {
      KGroupedStream<String, HostAggregate> byHostFinals =
          smallestFinals
              .selectKey((window, aggregate) -> window.key(), Named.as(PREFIX + "host-rekey"))
              .repartition(
                  Repartitioned.<String, HostAggregate>as(HOST_REPARTITION)
                      .withKeySerde(keys)
                      .withValueSerde(hostSerde))
              .groupByKey(Grouped.with(PREFIX + "host-finals-grouped", keys, hostSerde));
      for (Duration size : config.windowSizes().subList(1, config.windowSizes().size())) {
        String label = label(size);
        KTable<Windowed<String>, HostAggregate> table =
            byHostFinals
                .windowedBy(TimeWindows.ofSizeAndGrace(size, config.grace()))
                .aggregate(
                    () -> new HostAggregate(mapping),
                    (host, part, aggregate) -> aggregate.merge(part),
                    Named.as(PREFIX + "host-" + label + "-aggregate"),
                    Materialized.<String, HostAggregate, WindowStore<Bytes, byte[]>>as(
                            storeName(size))
                        .withKeySerde(keys)
                        .withValueSerde(hostSerde)
                        .withRetention(retention(size, config.grace())));
        hostOutputs(table, config, size, stats);
      }
    }

    String[] fleetStores = new String[config.windowSizes().size() + 1];
    for (int i = 0; i < config.windowSizes().size(); i++) {
      Duration size = config.windowSizes().get(i);
      fleetStores[i] = fleetStoreName(size);
      builder.addStateStore(
          Stores.windowStoreBuilder(
                  Stores.persistentWindowStore(
                      fleetStoreName(size), retention(size, MAX_FLEET_SKEW), size, false),
                  keys,
                  fleetSerde)
              .withCachingEnabled());
    }
    fleetStores[fleetStores.length - 1] = FLEET_PROGRESS_STORE;
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(FLEET_PROGRESS_STORE), keys, Serdes.Long()));
    KStream<String, RollingStats> fleet =
        smallestFinals
            .process(FleetContributions::new, Named.as(PREFIX + "fleet-contributions"))
            .repartition(
                Repartitioned.<String, FleetAggregate>as(FLEET_REPARTITION)
                    .withKeySerde(keys)
                    .withValueSerde(fleetSerde))
            .process(
                () -> new FleetWindows(config, FLEET_PROGRESS_STORE),
                Named.as(PREFIX + "fleet-windows"),
                fleetStores);
    fleet
        .filter((key, value) -> value.getFinalResult(), Named.as(PREFIX + "fleet-final"))
        .to(config.outputTopic(), Produced.with(keys, stats).withName(PREFIX + "fleet-final-sink"));
    fleet
        .filterNot((key, value) -> value.getFinalResult(), Named.as(PREFIX + "fleet-live"))
        .to(config.liveTopic(), Produced.with(keys, stats).withName(PREFIX + "fleet-live-sink"));

    Properties optimization = new Properties();
    optimization.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    return builder.build(optimization);
  }

  /** Name of the per-host window store of one window size, for example {@code stats-host-1s}. */
  public static String storeName(Duration windowSize) {
    return PREFIX + "host-" + label(windowSize);
  }

  /** Name of the fleet-wide window store of one window size, for example {@code stats-fleet-1s}. */
  public static String fleetStoreName(Duration windowSize) {
    return PREFIX + "fleet-" + label(windowSize);
  }

  /**
   * How long a window store keeps windows: at least {@link #MIN_RETENTION} of history and at least
   * the last two windows, plus the grace period (Kafka requires retention {@code >= size + grace}).
   */
  public static Duration retention(Duration windowSize, Duration grace) {
    Duration history = windowSize.multipliedBy(2);
    if (history.compareTo(MIN_RETENTION) < 0) {
      history = MIN_RETENTION;
    }
    return history.plus(grace);
  }

  /**
   * A short label of a window size: {@code 1s}, {@code 10s}, {@code 1m}, {@code 1h}, {@code 500ms}.
   */
  public static String label(Duration windowSize) {
    long millis = windowSize.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** Final and live outputs of one host window size; returns the stream of final results. */
  private static KStream<Windowed<String>, HostAggregate> hostOutputs(
      KTable<Windowed<String>, HostAggregate> table,
      RollingStatsConfig config,
      Duration size,
      Serde<RollingStats> stats) {
    String name = PREFIX + "host-" + label(size);
    long sizeMillis = size.toMillis();
    Serde<String> keys = Serdes.String();
    KStream<Windowed<String>, HostAggregate> finals =
        table
            .suppress(
                Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName(name + "-final"))
            .toStream(Named.as(name + "-final-stream"));
    finals
        .flatMap(
            (window, aggregate) -> hostRecords(config, window, aggregate, sizeMillis, true),
            Named.as(name + "-final-series"))
        .to(config.outputTopic(), Produced.with(keys, stats).withName(name + "-final-sink"));
    live(table, config, name)
        .flatMap(
            (window, aggregate) -> hostRecords(config, window, aggregate, sizeMillis, false),
            Named.as(name + "-live-series"))
        .to(config.liveTopic(), Produced.with(keys, stats).withName(name + "-live-sink"));
    return finals;
  }

  private static <V> KStream<Windowed<String>, V> live(
      KTable<Windowed<String>, V> table, RollingStatsConfig config, String name) {
    KTable<Windowed<String>, V> throttled = table;
    if (!config.liveUpdateInterval().isZero()) {
      throttled =
          table.suppress(
              Suppressed.untilTimeLimit(
                      config.liveUpdateInterval(),
                      BufferConfig.maxBytes(LIVE_BUFFER_BYTES)
                          .emitEarlyWhenFull()
                          .withLoggingDisabled())
                  .withName(name + "-live"));
    }
    return throttled.toStream(Named.as(name + "-live-stream"));
  }

  private static List<KeyValue<String, RollingStats>> hostRecords(
      RollingStatsConfig config,
      Windowed<String> window,
      HostAggregate aggregate,
      long sizeMillis,
      boolean finalResult) {
    if (aggregate == null || !config.emits(window.window().start(), window.window().end())) {
      return List.of();
    }
    return RollingStatsRecords.ofHost(
        window.key(), aggregate, window.window().start(), sizeMillis, finalResult);
  }
}
