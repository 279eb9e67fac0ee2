package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
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

/**
 * A {@link TopologyTestDriver} around the anomaly topology on a given state directory (so a test
 * can close it and reopen another on the same directory: a restart).
 */
final class AnomalyDriver implements AutoCloseable {
  static final String CLUSTER = "eu-1";

  final InMemorySchemaRegistryClient registry;
  final AnomalyConfig config;
  final TopologyTestDriver driver;
  private final TestInputTopic<String, RollingStats> stats;
  private final TestInputTopic<String, String> rules;
  private final TestOutputTopic<String, AnomalyEvent> events;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private final List<AnomalyEvent> eventsSeen = new ArrayList<>();

  AnomalyDriver(AnomalyConfig config, Path stateDir) {
    this(config, stateDir, new InMemorySchemaRegistryClient());
  }

  AnomalyDriver(AnomalyConfig config, Path stateDir, InMemorySchemaRegistryClient registry) {
    this.config = config;
    this.registry = registry;
    Properties props =
        AnomalyStreamsConfig.properties(
            config, "anomaly-test", "unused:9999", "http://unused.invalid");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(DeadLetters.REGISTRY_CLIENT_CONFIG, registry);
    driver = new TopologyTestDriver(AnomalyTopology.build(config, registry), props);
    stats =
        driver.createInputTopic(
            config.statsTopic(),
            new StringSerializer(),
            Topics.STATS.valueSerde(registry).serializer());
    rules =
        driver.createInputTopic(
            config.rulesTopic(), new StringSerializer(), new StringSerializer());
    events =
        driver.createOutputTopic(
            config.anomaliesTopic(),
            new StringDeserializer(),
            Topics.ANOMALIES.valueSerde(registry).deserializer());
    deadLetters =
        driver.createOutputTopic(
            config.deadLetterTopic(),
            new StringDeserializer(),
            Topics.DEAD_LETTER.valueSerde(registry).deserializer());
  }

  /**
   * Restarts: closes this driver and opens another on {@code newStateDir} holding exactly the
   * contents of this one's stores, as a restarted instance restores them from its local state or
   * the changelog. ({@link TopologyTestDriver#close()} deletes its state directory, and a driver
   * neither keeps nor replays changelogs, so the store contents are carried over by hand.)
   */
  AnomalyDriver restart(AnomalyConfig newConfig, Path newStateDir) {
    Map<String, Map<String, Object>> contents = new LinkedHashMap<>();
    for (String store : List.of(AnomalyTopology.RULES_STORE, AnomalyTopology.STATE_STORE)) {
      Map<String, Object> entries = new LinkedHashMap<>();
      try (var it = driver.<String, Object>getKeyValueStore(store).all()) {
        it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
      }
      contents.put(store, entries);
    }
    close();
    AnomalyDriver next = new AnomalyDriver(newConfig, newStateDir, registry);
    contents.forEach(
        (store, entries) -> {
          var target = next.driver.<String, Object>getKeyValueStore(store);
          entries.forEach(target::put);
        });
    return next;
  }

  /** Pipes a final 1 s record of a host series whose every statistic is {@code value}. */
  AnomalyDriver pipe(String host, String metric, long windowStartMillis, double value) {
    return pipe(stat(host, metric, Map.of(), windowStartMillis, 1000, value));
  }

  AnomalyDriver pipe(RollingStats record) {
    String key = record.getHostId() == null ? "*" : record.getHostId();
    stats.pipeInput(
        key + "/" + AnomalyProcessor.seriesName(record),
        record,
        record.getWindowEndMillis().toEpochMilli() - 1);
    return this;
  }

  AnomalyDriver rule(String id, String json, long timestampMillis) {
    rules.pipeInput(id, json, timestampMillis);
    return this;
  }

  /** Every event so far, in output order. */
  List<AnomalyEvent> events() {
    eventsSeen.addAll(events.readValuesToList());
    return eventsSeen;
  }

  List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  /** A final host (or, with a null host, fleet) record with every statistic equal to value. */
  static RollingStats stat(
      String host,
      String metric,
      Map<String, String> labels,
      long windowStartMillis,
      long sizeMillis,
      double value) {
    return RollingStats.newBuilder()
        .setHostId(host)
        .setCluster(CLUSTER)
        .setMetric(metric)
        .setLabels(new LinkedHashMap<>(labels))
        .setWindowStartMillis(Instant.ofEpochMilli(windowStartMillis))
        .setWindowEndMillis(Instant.ofEpochMilli(windowStartMillis + sizeMillis))
        .setWindowSizeMillis(sizeMillis)
        .setCount(1000)
        .setSum(value * 1000)
        .setMean(value)
        .setMin(value)
        .setMax(value)
        .setStddev(0)
        .setRatePerSecond(value)
        .setP50(value)
        .setP95(value)
        .setP99(value)
        .setP999(value)
        .setSketch(new QuantileSketch(0.01, 0L, 0, List.of()))
        .setHostCount(1)
        .setFinalResult(true)
        .build();
  }

  @Override
  public void close() {
    driver.close();
  }
}
