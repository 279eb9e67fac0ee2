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
import org.apache.kafka.streams.state.WindowStore;

/**
 * The rolling-statistics topology: windowed count, mean, min, max, standard deviation, rate and
 * percentiles of every series of every host, and fleet-wide per series, at every configured window
 * size.
 *
 * <pre>
 * samples ─▶ split at window boundaries ─▶ per host and window size: aggregate (store
 *   stats-host-&lt;size&gt;) ─▶ suppress until close ─▶ tickwatch.stats
 *                                           └▶ suppress live interval ─▶ tickwatch.stats-live
 * host finals of the smallest size ─▶ per series (repartition stats-fleet-by-series) ─▶ per window
 *   size: aggregate (store stats-fleet-&lt;size&gt;) ─▶ final / live as above
 * </pre>
 *
 * <p>{@link #build} is a pure function: it creates no client and no thread. Every processor, store
 * and internal topic is named (see {@code RollingStatsTopologyNamesTest}).
 */
public final class RollingStatsTopology {

  /** Name prefix of every processor, store and internal topic of this topology. */
  public static final String PREFIX = "stats-";

  /** Repartition topic (suffix) of the fleet-wide contributions. */
  public static final String FLEET_REPARTITION = PREFIX + "fleet-by-series";

  /** Minimum history every window store keeps, for interactive queries. */
  public static final Duration MIN_RETENTION = Duration.ofHours(1);

  /** Bytes of the in-memory buffer of each live-update suppression (not logged). */
  static final long LIVE_BUFFER_BYTES = 16L * 1024 * 1024;

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
                () ->
                    new BatchSlicer(
                        mapping,
                        smallest.toMillis(),
                        config.replayFromMillis(),
                        config.replayToMillis()),
                Named.as(PREFIX + "split-at-window-boundaries"));
    KGroupedStream<String, HostAggregate> byHost =
        parts.groupByKey(Grouped.with(PREFIX + "by-host", keys, hostSerde));

    KStream<Windowed<String>, HostAggregate> smallestFinals = null;
    for (Duration size : config.windowSizes()) {
      String label = label(size);
      long sizeMillis = size.toMillis();
      KTable<Windowed<String>, HostAggregate> table =
          byHost
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
      KStream<Windowed<String>, HostAggregate> finals =
          table
              .suppress(
                  Suppressed.untilWindowCloses(BufferConfig.unbounded())
                      .withName(PREFIX + "host-" + label + "-final"))
              .toStream(Named.as(PREFIX + "host-" + label + "-final-stream"));
      finals
          .flatMap(
              (window, aggregate) -> hostRecords(window, aggregate, sizeMillis, true),
              Named.as(PREFIX + "host-" + label + "-final-series"))
          .to(
              config.outputTopic(),
              Produced.with(keys, stats).withName(PREFIX + "host-" + label + "-final-sink"));
      live(table, config, PREFIX + "host-" + label)
          .flatMap(
              (window, aggregate) -> hostRecords(window, aggregate, sizeMillis, false),
              Named.as(PREFIX + "host-" + label + "-live-series"))
          .to(
              config.liveTopic(),
              Produced.with(keys, stats).withName(PREFIX + "host-" + label + "-live-sink"));
      if (size.equals(smallest)) {
        smallestFinals = finals;
      }
    }

    KGroupedStream<String, FleetAggregate> bySeries =
        smallestFinals
            .process(FleetContributions::new, Named.as(PREFIX + "fleet-contributions"))
            .repartition(
                Repartitioned.<String, FleetAggregate>as(FLEET_REPARTITION)
                    .withKeySerde(keys)
                    .withValueSerde(fleetSerde))
            .groupByKey(Grouped.with(PREFIX + "fleet-grouped", keys, fleetSerde));
    for (Duration size : config.windowSizes()) {
      String label = label(size);
      long sizeMillis = size.toMillis();
      KTable<Windowed<String>, FleetAggregate> table =
          bySeries
              .windowedBy(TimeWindows.ofSizeAndGrace(size, config.fleetGrace()))
              .aggregate(
                  () -> null,
                  (series, contribution, aggregate) ->
                      FleetAggregate.merge(aggregate, contribution),
                  Named.as(PREFIX + "fleet-" + label + "-aggregate"),
                  Materialized.<String, FleetAggregate, WindowStore<Bytes, byte[]>>as(
                          fleetStoreName(size))
                      .withKeySerde(keys)
                      .withValueSerde(fleetSerde)
                      .withRetention(retention(size, config.fleetGrace())));
      table
          .suppress(
              Suppressed.untilWindowCloses(BufferConfig.unbounded())
                  .withName(PREFIX + "fleet-" + label + "-final"))
          .toStream(Named.as(PREFIX + "fleet-" + label + "-final-stream"))
          .flatMap(
              (window, aggregate) -> fleetRecord(window, aggregate, sizeMillis, true),
              Named.as(PREFIX + "fleet-" + label + "-final-series"))
          .to(
              config.outputTopic(),
              Produced.with(keys, stats).withName(PREFIX + "fleet-" + label + "-final-sink"));
      live(table, config, PREFIX + "fleet-" + label)
          .flatMap(
              (window, aggregate) -> fleetRecord(window, aggregate, sizeMillis, false),
              Named.as(PREFIX + "fleet-" + label + "-live-series"))
          .to(
              config.liveTopic(),
              Produced.with(keys, stats).withName(PREFIX + "fleet-" + label + "-live-sink"));
    }

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
      Windowed<String> window, HostAggregate aggregate, long sizeMillis, boolean finalResult) {
    if (aggregate == null) {
      return List.of();
    }
    return RollingStatsRecords.ofHost(
        window.key(), aggregate, window.window().start(), sizeMillis, finalResult);
  }

  private static List<KeyValue<String, RollingStats>> fleetRecord(
      Windowed<String> window, FleetAggregate aggregate, long sizeMillis, boolean finalResult) {
    if (aggregate == null) {
      return List.of();
    }
    return List.of(
        KeyValue.pair(
            window.key(),
            RollingStatsRecords.ofFleet(
                aggregate, window.window().start(), sizeMillis, finalResult)));
  }
}
