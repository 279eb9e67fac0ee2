package io.tickwatch.streams.anomaly;

import static io.tickwatch.streams.testing.Batches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.stats.RollingStatsConfig;
import io.tickwatch.streams.stats.RollingStatsStreamsConfig;
import io.tickwatch.streams.stats.RollingStatsTopology;
import io.tickwatch.streams.testing.Batches;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in event time: the demo's four incident kinds, as the agent's samples show them,
 * through the rolling-statistics topology, whose final results go through the anomaly topology with
 * the default rules. Each incident is detected on its host by the rule meant for it, and the quiet
 * hosts never fire.
 */
class AnomalyIncidentsTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final int SECONDS = 300;
  private static final int SLOTS = 100; // 10 ms slots, one batch per second

  private static final String LATENCY_HOST = "demo-host-1";
  private static final String LEAK_HOST = "demo-host-2";
  private static final String CPU_HOST = "demo-host-3";
  private static final String FRAMES_HOST = "demo-host-4";
  private static final List<String> QUIET = List.of("demo-host-5", "demo-host-6");

  /**
   * The demo's rule set, as {@code cli/.../demo/incidents/DemoIncidentRules}: the defaults without
   * the process-level and tick-time statistical rules, plus the per-host gauge rules.
   */
  static final String DEMO_RULES =
      """
      [
        {"id": "demo-game-cpu-high", "detector": "threshold",
         "inputs": {"value": {"metric": "game.thread.cpu.percent", "statistic": "mean"}},
         "params": {"limit": 60}, "for": 5, "clear": 5},
        {"id": "demo-world-leak", "detector": "leak-trend",
         "inputs": {"value": {"metric": "world.retained.bytes", "statistic": "max"}},
         "params": {"windowSamples": 60, "minSamples": 10, "confidence": 0.99,
                    "capacity": 134217728, "horizonSeconds": 3600}, "for": 5, "clear": 10}
      ]
      """;

  static final Set<String> DEMO_LEFT_OUT =
      Set.of("cpu-high", "heap-leak", "degradation", "tick-p99-ensemble", "tick-p99-zscore");

  @TempDir static Path dir;
  private static List<AnomalyEvent> events;
  private static List<AnomalyEvent> demoEvents;

  @BeforeAll
  static void run() {
    List<KeyValue<String, RollingStats>> stats = rollingStats();
    try (AnomalyDriver anomalies = new AnomalyDriver(AnomalyConfig.defaults(), dir.resolve("a"))) {
      stats.forEach(kv -> anomalies.pipe(kv.value));
      events = anomalies.events();
    }
    List<io.tickwatch.streams.anomaly.rules.DetectorRule> demoRules = new ArrayList<>();
    for (var r : io.tickwatch.streams.anomaly.rules.DefaultRules.rules()) {
      if (!DEMO_LEFT_OUT.contains(r.id())) {
        demoRules.add(r);
      }
    }
    demoRules.addAll(io.tickwatch.streams.anomaly.rules.RuleParser.parseFile(DEMO_RULES));
    try (AnomalyDriver anomalies =
        new AnomalyDriver(AnomalyConfig.defaults().withRules(demoRules), dir.resolve("demo"))) {
      stats.forEach(kv -> anomalies.pipe(kv.value));
      demoEvents = anomalies.events();
    }
  }

  @Test
  void shouldCatchEachIncidentWithTheDemoRulesByItsOwnRuleOnly() {
    assertThat(ruleIds(demoEvents, LATENCY_HOST)).containsExactly("latency-p99-high");
    assertThat(ruleIds(demoEvents, LEAK_HOST)).containsExactly("demo-world-leak");
    assertThat(ruleIds(demoEvents, CPU_HOST)).containsExactly("demo-game-cpu-high");
    assertThat(ruleIds(demoEvents, FRAMES_HOST)).containsExactly("frame-drop-rate-high");
    assertThat(demoEvents).noneMatch(e -> QUIET.contains(e.getHostId()));
  }

  private static Set<String> ruleIds(List<AnomalyEvent> list, String host) {
    return list.stream()
        .filter(e -> e.getHostId().equals(host) && e.getActive())
        .map(e -> e.getMessage().substring(0, e.getMessage().indexOf(':')))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void shouldDetectTheLatencySpike() {
    assertThat(firing(LATENCY_HOST)).contains("latency-p99-high");
    assertThat(first(LATENCY_HOST, "action.latency")).isBetween(T0 + 120_000, T0 + 130_000);
  }

  @Test
  void shouldDetectTheMemoryLeakFromTheHeapTrend() {
    assertThat(events)
        .filteredOn(e -> e.getHostId().equals(LEAK_HOST) && e.getDetector().equals("leak-trend"))
        .first()
        .satisfies(
            e -> {
              assertThat(e.getActive()).isTrue();
              assertThat(e.getEvidence().getDetails())
                  .containsKey("projectedExhaustionMillis")
                  .containsKey("slopePerSecond");
              // the fit still holds pre-leak windows when it first becomes significant
              assertThat(e.getEvidence().getDetails().get("slopePerSecond")).isBetween(1e6, 10e6);
              assertThat(e.getEventTimeMillis().toEpochMilli())
                  .isBetween(T0 + 100_000, T0 + 200_000);
              assertThat(e.getMetric()).isEqualTo("heap.used.bytes");
            });
  }

  @Test
  void shouldDetectTheCpuSaturation() {
    assertThat(firing(CPU_HOST)).contains("cpu.process.percent/threshold");
    assertThat(first(CPU_HOST, "cpu.process.percent")).isBetween(T0 + 150_000, T0 + 160_000);
  }

  @Test
  void shouldDetectTheFrameDropBurst() {
    assertThat(firing(FRAMES_HOST)).contains("frame.drops/threshold");
    assertThat(first(FRAMES_HOST, "frame.drops")).isBetween(T0 + 200_000, T0 + 210_000);
  }

  @Test
  void shouldResolveEveryIncidentThatEnded() {
    for (String host : List.of(LATENCY_HOST, CPU_HOST, FRAMES_HOST)) {
      Map<String, List<AnomalyEvent>> byFingerprint =
          events.stream()
              .filter(e -> e.getHostId().equals(host))
              .collect(Collectors.groupingBy(AnomalyEvent::getFingerprint));
      assertThat(byFingerprint.values())
          .as(host)
          .allSatisfy(list -> assertThat(list.get(list.size() - 1).getActive()).isFalse());
    }
  }

  @Test
  void shouldNeverFireOnAQuietHost() {
    assertThat(events).isNotEmpty();
    assertThat(events).noneMatch(e -> QUIET.contains(e.getHostId()));
  }

  /** "metric/detector" of every firing event of a host, plus the rule ids in the messages. */
  private static Set<String> firing(String host) {
    Set<String> out = new TreeSet<>();
    for (AnomalyEvent e : events) {
      if (e.getHostId().equals(host) && e.getActive()) {
        out.add(e.getMetric() + "/" + e.getDetector());
        out.add(e.getMessage().substring(0, e.getMessage().indexOf(':')));
      }
    }
    return out;
  }

  private static long first(String host, String metric) {
    return events.stream()
        .filter(e -> e.getHostId().equals(host) && e.getMetric().equals(metric) && e.getActive())
        .mapToLong(e -> e.getEventTimeMillis().toEpochMilli())
        .min()
        .orElseThrow(
            () -> new AssertionError("no event for " + host + " " + metric + ": " + events));
  }

  private static List<KeyValue<String, RollingStats>> rollingStats() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    RollingStatsConfig config =
        RollingStatsConfig.from(key -> key.equals(RollingStatsConfig.WINDOW_SIZES) ? "1s" : null);
    Properties props =
        RollingStatsStreamsConfig.properties(
            config, "incidents", "unused:9999", "http://x.invalid");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("stats").toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    try (TopologyTestDriver driver =
        new TopologyTestDriver(RollingStatsTopology.build(config, registry), props)) {
      TestInputTopic<String, SampleBatch> in =
          driver.createInputTopic(
              config.inputTopic(),
              new StringSerializer(),
              Topics.SAMPLES.valueSerde(registry).serializer());
      TestOutputTopic<String, RollingStats> out =
          driver.createOutputTopic(
              config.outputTopic(),
              new StringDeserializer(),
              Topics.STATS.valueSerde(registry).deserializer());
      List<String> hosts = new ArrayList<>(List.of(LATENCY_HOST, LEAK_HOST, CPU_HOST, FRAMES_HOST));
      hosts.addAll(QUIET);
      List<Random> randoms = new ArrayList<>();
      for (int h = 0; h < hosts.size(); h++) {
        randoms.add(new Random(100 + h));
      }
      for (int s = 0; s < SECONDS + 5; s++) {
        for (int h = 0; h < hosts.size(); h++) {
          SampleBatch b = second(hosts.get(h), s, randoms.get(h));
          in.pipeInput(b.getHostId(), b, b.getStartTimeMillis());
        }
      }
      return out.readKeyValuesToList();
    }
  }

  /** One second of one host: what the demo's game server and agent report, incidents included. */
  private static SampleBatch second(String host, int s, Random random) {
    boolean latencySpike = host.equals(LATENCY_HOST) && s >= 120 && s < 180;
    boolean leaking = host.equals(LEAK_HOST) && s >= 100;
    boolean cpuSaturated = host.equals(CPU_HOST) && s >= 150 && s < 200;
    boolean frameBurst = host.equals(FRAMES_HOST) && s >= 200 && s < 230;
    double[] cpu = new double[SLOTS];
    double[] heap = new double[SLOTS];
    double[] ticks = new double[SLOTS];
    double[] drops = new double[SLOTS];
    double[] gameCpu = new double[SLOTS];
    double[] retained = new double[SLOTS];
    for (int k = 0; k < SLOTS; k++) {
      // the demo's per-host gauges: game-thread CPU (% of a core), bytes the leak retains
      // (16 KiB per tick at 60 Hz, capped at 64 MiB)
      gameCpu[k] = (cpuSaturated ? 88 : 10) + 2 * random.nextGaussian();
      retained[k] = leaking ? Math.min(64 << 20, 16384 * 60 * (s - 100 + k / (double) SLOTS)) : 0;
      cpu[k] = (cpuSaturated ? 96 : 30) + 3 * random.nextGaussian();
      double leaked = leaking ? 8e6 * (s - 100 + k / (double) SLOTS) : 0;
      heap[k] = 600e6 + 5e6 * random.nextGaussian() + leaked;
      ticks[k] = k % 5 < 3 ? 1 : 0; // 60 ticks per second
      drops[k] = frameBurst && k % 5 == 0 ? 1 : 0; // 20 of 60 ticks overrun
    }
    double[] tickMicros = new double[60];
    for (int i = 0; i < tickMicros.length; i++) {
      double base = frameBurst && i % 3 == 0 ? 25_000 : cpuSaturated ? 6_000 : 4_000;
      tickMicros[i] = Math.max(100, base + 400 * random.nextGaussian());
    }
    double[] actionMicros = new double[40];
    for (int i = 0; i < actionMicros.length; i++) {
      actionMicros[i] =
          Math.max(50, (latencySpike ? 150_000 : 2_000) + 300 * random.nextGaussian());
    }
    Batches b =
        batch(host, T0 + s * 1000L)
            .intervalMicros(1000_000 / SLOTS)
            .series("cpu.process.percent", cpu)
            .series("heap.used.bytes", heap)
            .series("tick.count", ticks)
            .series("frame.drops", drops)
            .series("game.thread.cpu.percent", gameCpu)
            .series("world.retained.bytes", retained)
            .latency("tick.duration", Map.of(), tickMicros)
            .latency("action.latency", Map.of("action", "move"), actionMicros);
    return b.build();
  }
}
