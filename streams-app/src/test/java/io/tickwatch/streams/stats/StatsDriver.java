package io.tickwatch.streams.stats;

import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.errors.DeadLetters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;

/** A {@link TopologyTestDriver} around the rolling-stats topology, with typed input and outputs. */
final class StatsDriver implements AutoCloseable {
  final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  final RollingStatsConfig config;
  final TopologyTestDriver driver;
  private final TestInputTopic<String, SampleBatch> samples;
  private final TestInputTopic<byte[], byte[]> rawSamples;
  private final TestOutputTopic<String, RollingStats> finals;
  private final TestOutputTopic<String, RollingStats> live;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private final List<KeyValue<String, RollingStats>> finalSeen = new ArrayList<>();
  private final List<KeyValue<String, RollingStats>> liveSeen = new ArrayList<>();
  private final List<DeadLetter> deadSeen = new ArrayList<>();
  private long latestMillis = Long.MIN_VALUE;
  private final java.nio.file.Path stateDir;

  StatsDriver(RollingStatsConfig config) {
    this.config = config;
    // the recommended production properties (exactly-once, handlers, bounded RocksDB), with a
    // private state directory and no record cache so that every update is visible at once
    Properties props =
        RollingStatsStreamsConfig.properties(
            config, "rolling-stats-test", "unused:9999", "http://unused.invalid");
    try {
      stateDir = java.nio.file.Files.createTempDirectory("rolling-stats-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    props.put(DeadLetters.REGISTRY_CLIENT_CONFIG, registry);
    driver = new TopologyTestDriver(RollingStatsTopology.build(config, registry), props);
    samples =
        driver.createInputTopic(
            config.inputTopic(),
            new StringSerializer(),
            Topics.SAMPLES.valueSerde(registry).serializer());
    rawSamples =
        driver.createInputTopic(
            config.inputTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    finals =
        driver.createOutputTopic(
            config.outputTopic(),
            new StringDeserializer(),
            Topics.STATS.valueSerde(registry).deserializer());
    live =
        driver.createOutputTopic(
            config.liveTopic(),
            new StringDeserializer(),
            Topics.STATS.valueSerde(registry).deserializer());
    deadLetters =
        driver.createOutputTopic(
            config.deadLetterTopic(),
            new StringDeserializer(),
            Topics.DEAD_LETTER.valueSerde(registry).deserializer());
  }

  /** Test configuration: 1 s and 10 s windows, 2 s grace, live updates at every change. */
  static RollingStatsConfig testConfig() {
    return RollingStatsConfig.from(
        key ->
            switch (key) {
              case RollingStatsConfig.WINDOW_SIZES -> "1s,10s";
              case RollingStatsConfig.LIVE_UPDATE_INTERVAL -> "0s";
              default -> null;
            });
  }

  /**
   * Advances event time to {@code millis} with one batch per second of a host ("clock") and metric
   * no test looks at, never earlier than the latest batch piped, so nothing of it is late.
   */
  void advanceTo(long millis) {
    long first = Math.max(latestMillis, millis - 10_000);
    for (long t = first; t <= millis; t += 1000) {
      pipe(
          io.tickwatch.streams.testing.Batches.batch("clock", t)
              .series("clock.ticks", 1.0)
              .build());
    }
    if ((millis - first) % 1000 != 0) {
      pipe(
          io.tickwatch.streams.testing.Batches.batch("clock", millis)
              .series("clock.ticks", 1.0)
              .build());
    }
    advanceWallClock();
  }

  /**
   * Lets the fleet host timeout pass on the wall clock: every host is silent, so fleet windows
   * close up to the furthest host's progress.
   */
  void advanceWallClock() {
    driver.advanceWallClockTime(config.fleetHostTimeout().plusSeconds(1));
  }

  StatsDriver pipe(SampleBatch batch) {
    latestMillis = Math.max(latestMillis, batch.getStartTimeMillis().toEpochMilli());
    samples.pipeInput(batch.getHostId(), batch, batch.getStartTimeMillis());
    return this;
  }

  /** Pipes a batch with a Kafka record timestamp other than its start time. */
  StatsDriver pipeWithTimestamp(SampleBatch batch, long timestampMillis) {
    samples.pipeInput(batch.getHostId(), batch, timestampMillis);
    return this;
  }

  StatsDriver pipeRaw(byte[] key, byte[] value, long timestampMillis) {
    rawSamples.pipeInput(key, value, timestampMillis);
    return this;
  }

  List<KeyValue<String, RollingStats>> finals() {
    finalSeen.addAll(finals.readKeyValuesToList());
    return finalSeen;
  }

  List<KeyValue<String, RollingStats>> live() {
    liveSeen.addAll(live.readKeyValuesToList());
    return liveSeen;
  }

  List<DeadLetter> deadLetters() {
    deadSeen.addAll(deadLetters.readValuesToList());
    return deadSeen;
  }

  /** The final results of one key and window size, in output order. */
  List<RollingStats> finals(String key, Duration size) {
    return finals().stream()
        .filter(kv -> kv.key.equals(key) && kv.value.getWindowSizeMillis() == size.toMillis())
        .map(kv -> kv.value)
        .toList();
  }

  /** The one final result of a key, size and window start. */
  RollingStats finalOf(String key, Duration size, long windowStartMillis) {
    List<RollingStats> matching =
        finals(key, size).stream()
            .filter(s -> s.getWindowStartMillis().toEpochMilli() == windowStartMillis)
            .toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "expected one final result of "
              + key
              + " "
              + size
              + " @"
              + windowStartMillis
              + ", got "
              + matching.size()
              + ": "
              + finals());
    }
    return matching.get(0);
  }

  <V> WindowStore<String, V> windowStore(String name) {
    return driver.getWindowStore(name);
  }

  double metric(String name) {
    double total = 0;
    for (java.util.Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
      if (e.getKey().name().equals(name)) {
        Object value = e.getValue().metricValue();
        if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
          total += n.doubleValue();
        }
      }
    }
    return total;
  }

  @Override
  public void close() {
    driver.close();
    try {
      org.apache.kafka.common.utils.Utils.delete(stateDir.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
