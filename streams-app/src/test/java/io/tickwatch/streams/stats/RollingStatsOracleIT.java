package io.tickwatch.streams.stats;

import static io.tickwatch.streams.testing.Batches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.FailureStage;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.testkit.RecentTime;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.sketch.LogBucketSketch;
import io.tickwatch.streams.testing.Batches;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The oracle test on a real broker: 3 hosts send 80 s of batches (exactly-once, RocksDB,
 * dead-letter handlers as in production); every final 1 s, 10 s and 1 min window inside the first
 * minute, per host and fleet-wide, is recomputed from the input and compared: counts, min, max,
 * sketch buckets and percentiles exactly, sums and means to rounding, standard deviations to
 * rounding (fixed-rate series) or to the sketch's accuracy (latency digests).
 */
class RollingStatsOracleIT {
  private static final long T0 = RecentTime.currentHourStartMillis(); // a whole, recent hour
  private static final long INPUT_MILLIS = 80_000;
  private static final long CHECKED_MILLIS = 60_000;
  private static final List<String> HOSTS = List.of("h1", "h2", "h3");
  private static final List<Duration> SIZES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));

  private static KafkaTestCluster kafka;
  private static EmbeddedSchemaRegistry registry;
  private static RestSchemaRegistryClient client;

  /** key -> window size -> window start -> values (sampled) or durations (latency). */
  private final Map<String, Map<Long, Map<Long, List<Double>>>> oracle = new HashMap<>();

  private final Map<String, Boolean> latencyKeys = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaTestCluster.start();
    kafka.createCatalogueTopics(Topics.all());
    registry =
        EmbeddedSchemaRegistry.builder().inMemory().host("127.0.0.1").port(0).build().start();
    client = new RestSchemaRegistryClient(registry.url());
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private void observe(String key, long timeMillis, double value, boolean latency) {
    latencyKeys.put(key, latency);
    for (Duration size : SIZES) {
      long s = size.toMillis();
      oracle
          .computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(s, k -> new TreeMap<>())
          .computeIfAbsent(Math.floorDiv(timeMillis, s) * s, k -> new ArrayList<>())
          .add(value);
    }
  }

  private List<SampleBatch> input() {
    Random random = new Random(2026);
    List<SampleBatch> batches = new ArrayList<>();
    for (long t = 0; t < INPUT_MILLIS; t += 100) {
      for (int h = 0; h < HOSTS.size(); h++) {
        String host = HOSTS.get(h);
        long start = T0 + t + h * 37L;
        double[] cpu = new double[100];
        double[] heap = new double[100];
        double[] rx = new double[100];
        double[] tick = new double[100];
        for (int k = 0; k < 100; k++) {
          cpu[k] = 30 * Math.exp(0.4 * random.nextGaussian());
          heap[k] = 1e9 + 1e6 * (k / 25);
          rx[k] = random.nextInt(4);
          tick[k] = random.nextInt(5) == 0 ? Double.NaN : 500 + random.nextInt(20_000);
        }
        double[] ticks = new double[5];
        for (int i = 0; i < ticks.length; i++) {
          ticks[i] = 4000 * Math.exp(0.3 * random.nextGaussian());
        }
        double[] moves = {random.nextInt(50_000) + 100.0, random.nextInt(50_000) + 100.0};
        Batches b =
            batch(host, start)
                .series("cpu.process.percent", cpu)
                .series("heap.used.bytes", heap)
                .series("net.rx.packets", Map.of("iface", "eth0"), rx)
                .series("tick.max.micros", tick)
                .latency("tick.duration", Map.of(), ticks)
                .latency("action.latency", Map.of("action", "move"), moves);
        batches.add(b.build());
        Map<String, double[]> sampled =
            Map.of(
                "cpu.process.percent", cpu,
                "heap.used.bytes", heap,
                "net.rx.packets{iface=eth0}", rx,
                "tick.max.micros", tick);
        for (Map.Entry<String, double[]> series : sampled.entrySet()) {
          for (int k = 0; k < 100; k++) {
            double v = series.getValue()[k];
            if (!Double.isNaN(v)) {
              observe(host + "/" + series.getKey(), start + k, v, false);
              observe("*/" + series.getKey(), start + k, v, false);
            }
          }
        }
        for (double d : ticks) {
          observe(host + "/tick.duration", start, d, true);
          observe("*/tick.duration", start, d, true);
        }
        for (double d : moves) {
          observe(host + "/action.latency{action=move}", start, d, true);
          observe("*/action.latency{action=move}", start, d, true);
        }
      }
    }
    return batches;
  }

  @Test
  void shouldEqualTheStatisticsRecomputedFromTheInput() throws Exception {
    List<SampleBatch> batches = input();
    // a host whose partition lags on a loaded machine must not be taken for a silent host; the
    // last fleet windows wait for this timeout, so it is longer than the default but not long
    RollingStatsConfig config =
        RollingStatsConfig.from(
            key -> RollingStatsConfig.FLEET_HOST_TIMEOUT.equals(key) ? "30s" : null);
    Path stateDir = Files.createTempDirectory("rolling-stats-oracle");
    Properties props =
        RollingStatsStreamsConfig.properties(
            config, "rolling-stats-oracle-it", kafka.bootstrapServers(), registry.url());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(BoundedMemoryRocksDbConfig.TOTAL_OFF_HEAP_BYTES, Long.toString(32L * 1024 * 1024));

    try (KafkaStreams streams =
        new KafkaStreams(RollingStatsTopology.build(config, client), props)) {
      streams.start();
      produce(batches);

      Map<String, RollingStats> finals = new HashMap<>();
      Map<String, Integer> emissions = new HashMap<>();
      List<DeadLetter> deadLetters = new ArrayList<>();
      int expected = expectedWindowCount();
      consumeUntil(finals, emissions, deadLetters, expected);

      assertThat(deadLetters).hasSize(1);
      assertThat(deadLetters.get(0).getStage()).isEqualTo(FailureStage.DESERIALIZATION);
      assertThat(emissions.values()).containsOnly(1);
      int checked = 0;
      for (var byKey : oracle.entrySet()) {
        for (var bySize : byKey.getValue().entrySet()) {
          for (var window : bySize.getValue().entrySet()) {
            if (!inCheckedRange(window.getKey(), bySize.getKey())) {
              continue;
            }
            String id = id(byKey.getKey(), bySize.getKey(), window.getKey());
            RollingStats actual = finals.get(id);
            assertThat(actual).as(id).isNotNull();
            compare(id, actual, window.getValue(), latencyKeys.get(byKey.getKey()));
            if (byKey.getKey().startsWith("*/")) {
              assertThat(actual.getHostCount()).as(id).isEqualTo(3);
            }
            checked++;
          }
        }
      }
      assertThat(checked).isEqualTo(expected);
      streams.close(Duration.ofSeconds(30));
    } finally {
      Utils.delete(stateDir.toFile());
    }
  }

  private static boolean inCheckedRange(long windowStart, long size) {
    return windowStart >= T0 && windowStart + size <= T0 + CHECKED_MILLIS;
  }

  private int expectedWindowCount() {
    int n = 0;
    for (var byKey : oracle.values()) {
      for (var bySize : byKey.entrySet()) {
        for (long start : bySize.getValue().keySet()) {
          if (inCheckedRange(start, bySize.getKey())) {
            n++;
          }
        }
      }
    }
    return n;
  }

  private static String id(String key, long size, long start) {
    return key + "@" + size + "@" + start;
  }

  private static void compare(
      String id, RollingStats actual, List<Double> values, boolean latency) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    LogBucketSketch sketch = new LogBucketSketch(0.01);
    double sum = 0;
    for (double v : values) {
      sketch.add(v);
      sum += v;
    }
    double mean = sum / sorted.length;
    double squares = 0;
    for (double v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    double stddev = Math.sqrt(squares / sorted.length);
    assertThat(actual.getCount()).as(id).isEqualTo(sorted.length);
    assertThat(actual.getMin()).as(id).isEqualTo(sorted[0]);
    assertThat(actual.getMax()).as(id).isEqualTo(sorted[sorted.length - 1]);
    assertThat(actual.getSum()).as(id).isCloseTo(sum, within(1e-9 * Math.abs(sum) + 1e-9));
    assertThat(actual.getMean()).as(id).isCloseTo(mean, within(1e-9 * Math.abs(mean) + 1e-9));
    assertThat(actual.getStddev())
        .as(id)
        .isCloseTo(
            stddev, within(latency ? 0.011 * sorted[sorted.length - 1] : 1e-6 * mean + 1e-9));
    assertThat(actual.getSketch().getZeroCount()).as(id).isEqualTo(sketch.zeroCount());
    assertThat(actual.getSketch().getIndexOffset()).as(id).isEqualTo(sketch.indexOffset());
    assertThat(actual.getSketch().getCounts())
        .as(id)
        .containsExactly(
            java.util.Arrays.stream(sketch.bucketCounts()).boxed().toArray(Long[]::new));
    assertThat(actual.getP50()).as(id).isEqualTo(sketch.quantile(0.5));
    assertThat(actual.getP95()).as(id).isEqualTo(sketch.quantile(0.95));
    assertThat(actual.getP99()).as(id).isEqualTo(sketch.quantile(0.99));
    assertThat(actual.getP999()).as(id).isEqualTo(sketch.quantile(0.999));
    assertThat(actual.getFinalResult()).isTrue();
  }

  private static void produce(List<SampleBatch> batches) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      var serializer = Topics.SAMPLES.valueSerde(client).serializer();
      producer.send(
          new ProducerRecord<>(
              Topics.SAMPLES.name(),
              "h1".getBytes(StandardCharsets.UTF_8),
              "not avro".getBytes(StandardCharsets.UTF_8)));
      for (SampleBatch b : batches) {
        producer.send(
            new ProducerRecord<>(
                Topics.SAMPLES.name(),
                null,
                b.getStartTimeMillis().toEpochMilli(),
                b.getHostId().getBytes(StandardCharsets.UTF_8),
                serializer.serialize(Topics.SAMPLES.name(), b)));
      }
      producer.flush();
    }
  }

  private static void consumeUntil(
      Map<String, RollingStats> finals,
      Map<String, Integer> emissions,
      List<DeadLetter> deadLetters,
      int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "oracle-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var statsDeserializer = Topics.STATS.valueSerde(client).deserializer();
    var deadDeserializer = Topics.DEAD_LETTER.valueSerde(client).deserializer();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.STATS.name(), Topics.DEAD_LETTER.name()));
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (System.nanoTime() < deadline
          && (countChecked(finals) < expected || deadLetters.isEmpty())) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.topic().equals(Topics.DEAD_LETTER.name())) {
            deadLetters.add(deadDeserializer.deserialize(record.topic(), record.value()));
            continue;
          }
          RollingStats stats = statsDeserializer.deserialize(record.topic(), record.value());
          String id =
              id(
                  record.key(),
                  stats.getWindowSizeMillis(),
                  stats.getWindowStartMillis().toEpochMilli());
          finals.put(id, stats);
          emissions.merge(id, 1, Integer::sum);
        }
      }
    }
  }

  private static int countChecked(Map<String, RollingStats> finals) {
    int n = 0;
    for (RollingStats s : finals.values()) {
      if (inCheckedRange(s.getWindowStartMillis().toEpochMilli(), s.getWindowSizeMillis())) {
        n++;
      }
    }
    return n;
  }
}
