package io.tickwatch.cli.bench.pipeline;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.PartitionLeaders;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline benchmark: simulated agents → broker → rolling-statistics topology, on the cluster
 * it is given, in topics of its own ({@code tickwatch.bench.<run>.*}, deleted at the end).
 *
 * <ol>
 *   <li><b>Raw ceiling</b>: Kafka's producer performance tool, 100-byte records ({@link
 *       RawProducerCeiling}).
 *   <li><b>Throughput</b>: the streams app runs; {@code hosts} simulated agents publish {@code
 *       duration} of event time each (100-slot batches, 10 series) as fast as allowed by {@code
 *       rate}; measured from the first send until the application's committed input offsets reach
 *       the end: input samples per wall-clock second through the topology, end to end. Two more
 *       batches per host, an hour later in event time, then close every window, and the final host
 *       results are counted against the count the input implies.
 *   <li><b>Anomalies</b> (unless disabled): the anomaly application reads the statistics the
 *       throughput phase produced from the beginning; its rate is compared with the rate the
 *       rolling statistics produced them at ({@link AnomalyPhase}).
 *   <li><b>Live latency</b>: {@code liveHosts} agents publish in real time (one batch per host
 *       every 100 ms, sent when its interval ends); for every 1 s live update of the probe series,
 *       latency = time the update is read from the live topic − event time of the newest sample it
 *       contains ({@code windowStart + count − 1}); windows of the first 5 s (a third of a shorter
 *       phase) are not measured, they show the application settling after the throughput phase.
 * </ol>
 */
public final class PipelineBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The rolling-statistics topology's recommended commit interval. */
  private static final Duration STATS_COMMIT_INTERVAL = Duration.ofMillis(100);

  /**
   * @param hosts simulated agents in the throughput phase
   * @param duration event time each agent publishes in the throughput phase
   * @param samplesPerSecond publish rate cap in the throughput phase; 0 for as fast as possible
   * @param liveHosts simulated agents in the latency phase
   * @param liveDuration length of the latency phase
   * @param rawRecords records of the raw producer ceiling run; 0 skips it
   * @param streamThreads stream threads of the streams app
   * @param liveUpdateInterval the topology's live-update interval, empty for its default
   * @param commitInterval the streams app's commit interval, empty for the topology's default
   * @param anomalies whether to run the anomaly phase ({@link AnomalyPhase})
   */
  public record Settings(
      int hosts,
      Duration duration,
      long samplesPerSecond,
      int liveHosts,
      Duration liveDuration,
      long rawRecords,
      int streamThreads,
      Optional<Duration> liveUpdateInterval,
      Optional<Duration> commitInterval,
      boolean anomalies) {}

  /** Everything measured. */
  public record Result(
      RawProducerCeiling.Result raw,
      long inputRecords,
      long inputSamples,
      double publishSeconds,
      double endToEndSeconds,
      double samplesPerSecond,
      long expectedHostFinals,
      long actualHostFinals,
      long expectedSamplesInFinals,
      long actualSamplesInFinals,
      long fleetFinals,
      long liveUpdates,
      double liveP50Millis,
      double liveP99Millis,
      double liveMaxMillis,
      AnomalyPhase.Result anomalies) {}

  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final SchemaRegistryClient registry;
  private final Path dataDir;
  private final Settings settings;
  private final Consumer<String> console;
  private final InstantSource clock;
  private final String run;

  public PipelineBenchmark(
      String bootstrapServers,
      String schemaRegistryUrl,
      SchemaRegistryClient registry,
      Path dataDir,
      Settings settings,
      Consumer<String> console,
      InstantSource clock) {
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
    this.registry = registry;
    this.dataDir = dataDir;
    this.settings = settings;
    this.console = console;
    this.clock = clock;
    this.run = Long.toString(clock.millis(), 36);
  }

  private String topic(String suffix) {
    return "tickwatch.bench." + run + "." + suffix;
  }

  public Result run() throws InterruptedException, IOException {
    try (Admin admin = Admin.create(adminConfig())) {
      List<String> topics =
          new ArrayList<>(
              List.of(topic("raw"), topic("samples"), topic("stats"), topic("stats-live")));
      if (settings.anomalies()) {
        topics.addAll(anomalyTopics().created());
      }
      createTopics(admin, topics);
      try {
        // the phases write at once: a partition not served yet can lose records (KAFKA-15591)
        PartitionLeaders.await(admin, topics, TIMEOUT);
        return runPhases(admin);
      } finally {
        deleteTopics(admin, topics);
      }
    }
  }

  private AnomalyPhase.Topics anomalyTopics() {
    return new AnomalyPhase.Topics(
        topic("stats"), topic("anomalies"), topic("anomaly-rules"), topic("dead-letter"));
  }

  private Result runPhases(Admin admin) throws InterruptedException, IOException {
    RawProducerCeiling.Result raw = null;
    if (settings.rawRecords() > 0) {
      console.accept(
          "[1/3] raw ceiling: Kafka's ProducerPerformance, "
              + settings.rawRecords()
              + " x 100-byte records ...");
      raw = RawProducerCeiling.measure(bootstrapServers, topic("raw"), settings.rawRecords(), 100);
      console.accept(
          String.format(
              Locale.ROOT,
              "      %.0f records/s (%.1f MB/s, avg latency %.1f ms)",
              raw.recordsPerSecond(),
              raw.megabytesPerSecond(),
              raw.avgLatencyMillis()));
    }
    Map<String, String> statsKeys = new HashMap<>();
    statsKeys.put(RollingStatsConfig.INPUT_TOPIC, topic("samples"));
    statsKeys.put(RollingStatsConfig.OUTPUT_NAMESPACE, "tickwatch.bench." + run + ".");
    settings
        .liveUpdateInterval()
        .ifPresent(
            interval ->
                statsKeys.put(RollingStatsConfig.LIVE_UPDATE_INTERVAL, interval.toMillis() + "ms"));
    RollingStatsConfig stats = RollingStatsConfig.from(statsKeys::get);
    String appId = "tickwatch-bench-" + run;
    StreamsAppConfig appConfig =
        StreamsAppConfig.defaults()
            .withApplicationId(appId)
            .withCluster(bootstrapServers, schemaRegistryUrl)
            .withDataDir(dataDir.resolve("bench-" + run))
            .withQueryPort(0)
            .withThreads(settings.streamThreads(), 0);
    if (settings.commitInterval().isPresent()) {
      appConfig =
          appConfig.withKafkaOverrides(
              Map.of(
                  "commit.interval.ms", Long.toString(settings.commitInterval().get().toMillis())));
    }
    try (StreamsApp app = RollingStatsApp.create(appConfig, stats, registry)) {
      app.start();
      if (!app.awaitRunning(Duration.ofMinutes(2))) {
        throw new IllegalStateException("the streams app did not reach RUNNING: " + app.state());
      }
      Throughput throughput = throughput(admin, appId, stats);
      AnomalyPhase.Result anomalies = null;
      if (settings.anomalies()) {
        anomalies =
            new AnomalyPhase(admin, bootstrapServers, schemaRegistryUrl, registry, dataDir, console)
                .run(
                    appId + "-anomalies",
                    anomalyTopics(),
                    throughput.endToEndSeconds,
                    settings.hosts() * settings.duration().toSeconds(),
                    settings.commitInterval().orElse(STATS_COMMIT_INTERVAL));
      }
      Latency latency = latency(stats);
      return new Result(
          raw,
          throughput.records,
          throughput.samples,
          throughput.publishSeconds,
          throughput.endToEndSeconds,
          throughput.samples / throughput.endToEndSeconds,
          throughput.expectedHostFinals,
          throughput.actualHostFinals,
          throughput.expectedSamples,
          throughput.actualSamples,
          throughput.fleetFinals,
          latency.count,
          latency.p50,
          latency.p99,
          latency.max,
          anomalies);
    }
  }

  private record Throughput(
      long records,
      long samples,
      double publishSeconds,
      double endToEndSeconds,
      long expectedHostFinals,
      long actualHostFinals,
      long expectedSamples,
      long actualSamples,
      long fleetFinals) {}

  private Throughput throughput(Admin admin, String appId, RollingStatsConfig stats)
      throws InterruptedException {
    int hosts = settings.hosts();
    long batchesPerHost = settings.duration().toMillis() / BenchHost.SLOTS;
    long hour = 3_600_000;
    long t0 = (clock.millis() / hour - 3) * hour;
    console.accept(
        "[2/3] throughput: "
            + hosts
            + " simulated agents publish "
            + settings.duration().toSeconds()
            + " s of samples each ("
            + hosts * batchesPerHost
            + " batches x "
            + BenchHost.samplesPerBatch()
            + " samples), "
            + (settings.samplesPerSecond() > 0
                ? "capped at " + settings.samplesPerSecond() + " samples/s"
                : "as fast as possible")
            + "; the streams app ("
            + settings.streamThreads()
            + " thread(s)) aggregates them ...");
    List<BenchHost> agents = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      agents.add(new BenchHost(String.format(Locale.ROOT, "bench-host-%03d", h + 1), 42 + h));
    }
    AvroSerializer<SampleBatch> serializer = new AvroSerializer<>(registry);
    String input = topic("samples");
    // serialise up front so that the measurement sees Kafka and the topology, not the generator
    List<byte[]> payloads = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    // after the data, two batches per host an hour later: the first closes every 1 s window, its
    // own 1 s final (closed by the second) moves the larger windows, merged from 1 s finals, past
    // their end; their windows start at or after t0 + 1 h and are not counted
    long tail = t0 + hour + settings.duration().toMillis() + 10_000;
    for (long i = 0; i < batchesPerHost + 2; i++) {
      for (BenchHost agent : agents) {
        long start =
            i < batchesPerHost ? t0 + i * BenchHost.SLOTS : tail + (i - batchesPerHost) * 10_000;
        payloads.add(serializer.serialize(input, agent.batch(start)));
        keys.add(agent.hostId());
        timestamps.add(start + BenchHost.SLOTS);
      }
    }
    long records = payloads.size();
    long samples = records * BenchHost.samplesPerBatch();
    long started = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (int i = 0; i < payloads.size(); i++) {
        producer.send(
            new ProducerRecord<>(input, null, timestamps.get(i), keys.get(i), payloads.get(i)));
        if (settings.samplesPerSecond() > 0) {
          long dueNanos =
              (long)
                  ((double) (i + 1)
                      * BenchHost.samplesPerBatch()
                      / settings.samplesPerSecond()
                      * 1e9);
          long waitNanos = started + dueNanos - System.nanoTime();
          if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
          }
        }
      }
      producer.flush();
    }
    double publishSeconds = (System.nanoTime() - started) / 1e9;
    Map<TopicPartition, Long> end = endOffsets(admin, input);
    long lastReport = System.nanoTime();
    while (true) {
      Map<TopicPartition, Long> committed = committed(admin, appId, input);
      long done = 0;
      boolean caughtUp = true;
      for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
        long position = committed.getOrDefault(e.getKey(), 0L);
        done += Math.min(position, e.getValue());
        caughtUp &= position >= e.getValue();
      }
      if (caughtUp) {
        break;
      }
      if (System.nanoTime() - lastReport > 2_000_000_000L) {
        console.accept(
            String.format(
                Locale.ROOT,
                "      %d / %d batches processed (%.0f s)",
                done,
                records,
                (System.nanoTime() - started) / 1e9));
        lastReport = System.nanoTime();
      }
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(30)) {
        throw new IllegalStateException("the streams app did not catch up within 30 minutes");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    double endToEndSeconds = (System.nanoTime() - started) / 1e9;
    console.accept(
        String.format(
            Locale.ROOT,
            "      %d samples published in %.1f s, processed in %.1f s: %.2fM samples/s end to end",
            samples,
            publishSeconds,
            endToEndSeconds,
            samples / endToEndSeconds / 1e6));

    // the final results the input implies: every window of every size touched by the data
    long windowsPerSeries = 0;
    for (Duration size : stats.windowSizes()) {
      long s = size.toMillis();
      windowsPerSeries +=
          Math.floorDiv(t0 + settings.duration().toMillis() - 1, s) - Math.floorDiv(t0, s) + 1;
    }
    long expectedHostFinals = windowsPerSeries * BenchHost.SERIES.length * hosts;
    long expectedSamples = batchesPerHost * hosts * BenchHost.samplesPerBatch();
    long[] counted = countFinals(stats, expectedHostFinals, t0 + hour);
    console.accept(
        String.format(
            Locale.ROOT,
            "      final host results: %d (expected %d), samples in 1 s finals: %d (expected %d),"
                + " fleet-wide finals: %d",
            counted[0],
            expectedHostFinals,
            counted[1],
            expectedSamples,
            counted[2]));
    return new Throughput(
        records,
        samples,
        publishSeconds,
        endToEndSeconds,
        expectedHostFinals,
        counted[0],
        expectedSamples,
        counted[1],
        counted[2]);
  }

  /** Host finals, samples in the 1 s host finals, fleet finals; waits up to a minute for them. */
  private long[] countFinals(RollingStatsConfig stats, long expectedHostFinals, long beforeMillis) {
    long hostFinals = 0;
    long samples = 0;
    long fleet = 0;
    try (KafkaConsumer<String, RollingStats> consumer =
        new KafkaConsumer<>(
            consumerConfig("tickwatch-bench-count-" + run),
            new StringDeserializer(),
            new AvroDeserializer<>(registry, RollingStats.class))) {
      consumer.subscribe(List.of(stats.outputTopic()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      long quietSince = System.nanoTime();
      while (System.nanoTime() < deadline) {
        int polled = 0;
        for (ConsumerRecord<String, RollingStats> record : consumer.poll(Duration.ofMillis(200))) {
          polled++;
          RollingStats s = record.value();
          if (s.getWindowStartMillis().toEpochMilli() >= beforeMillis) {
            continue;
          }
          if (s.getHostId() == null) {
            fleet++;
          } else {
            hostFinals++;
            if (s.getWindowSizeMillis() == stats.smallestWindow().toMillis()) {
              samples += s.getCount();
            }
          }
        }
        if (polled > 0) {
          quietSince = System.nanoTime();
        }
        if (hostFinals >= expectedHostFinals && System.nanoTime() - quietSince > 2_000_000_000L) {
          break;
        }
      }
    }
    return new long[] {hostFinals, samples, fleet};
  }

  private record Latency(long count, double p50, double p99, double max) {}

  private Latency latency(RollingStatsConfig stats) throws InterruptedException {
    console.accept(
        "[3/3] live latency: "
            + settings.liveHosts()
            + " agents publish in real time for "
            + settings.liveDuration().toSeconds()
            + " s (one batch per host every 100 ms); latency = live update read − newest sample"
            + " in it, first 5 s not measured ...");
    List<BenchHost> agents = new ArrayList<>();
    for (int h = 0; h < settings.liveHosts(); h++) {
      agents.add(new BenchHost(String.format(Locale.ROOT, "live-host-%03d", h + 1), 4242 + h));
    }
    List<Long> latencies = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    long phaseStart = (clock.millis() / 1000 + 1) * 1000;
    Thread reader =
        new Thread(
            () ->
                readLive(
                    stats.liveTopic(),
                    stats.smallestWindow().toMillis(),
                    phaseStart,
                    latencies,
                    stop),
            "tickwatch-bench-live-reader");
    reader.setDaemon(true);
    reader.start();
    AvroSerializer<SampleBatch> serializer = new AvroSerializer<>(registry);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      long end = phaseStart + settings.liveDuration().toMillis();
      long slot = phaseStart;
      while (slot < end) {
        long sendAt = slot + BenchHost.SLOTS;
        long wait = sendAt - clock.millis();
        if (wait > 0) {
          TimeUnit.MILLISECONDS.sleep(wait);
        }
        for (BenchHost agent : agents) {
          byte[] payload = serializer.serialize(topic("samples"), agent.batch(slot));
          producer.send(
              new ProducerRecord<>(topic("samples"), null, sendAt, agent.hostId(), payload));
        }
        producer.flush();
        slot += BenchHost.SLOTS;
      }
    }
    // let the last updates arrive
    TimeUnit.MILLISECONDS.sleep(Math.max(3_000, stats.liveUpdateInterval().toMillis() * 3));
    stop.set(true);
    reader.join(10_000);
    long[] sorted;
    synchronized (latencies) {
      sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    if (sorted.length == 0) {
      console.accept("      no live updates were read");
      return new Latency(0, Double.NaN, Double.NaN, Double.NaN);
    }
    Latency result =
        new Latency(
            sorted.length,
            percentile(sorted, 0.50),
            percentile(sorted, 0.99),
            sorted[sorted.length - 1]);
    console.accept(
        String.format(
            Locale.ROOT,
            "      %d live updates: p50 %.0f ms, p99 %.0f ms, max %.0f ms",
            result.count,
            result.p50,
            result.p99,
            result.max));
    return result;
  }

  private void readLive(
      String liveTopic,
      long sizeMillis,
      long phaseStart,
      List<Long> latencies,
      AtomicBoolean stop) {
    try (KafkaConsumer<String, RollingStats> consumer =
        new KafkaConsumer<>(
            consumerConfig("tickwatch-bench-live-" + run),
            new StringDeserializer(),
            new AvroDeserializer<>(registry, RollingStats.class))) {
      consumer.subscribe(List.of(liveTopic));
      while (!stop.get()) {
        for (ConsumerRecord<String, RollingStats> record : consumer.poll(Duration.ofMillis(50))) {
          long readAt = clock.millis();
          RollingStats s = record.value();
          if (s.getHostId() == null
              || !BenchHost.PROBE_SERIES.equals(s.getMetric())
              || s.getWindowSizeMillis() != sizeMillis
              || s.getWindowStartMillis().toEpochMilli() < phaseStart
              || s.getCount() == 0) {
            continue;
          }
          long newestSample = s.getWindowStartMillis().toEpochMilli() + s.getCount() - 1;
          synchronized (latencies) {
            latencies.add(readAt - newestSample);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Live reader failed", e);
    }
  }

  static double percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private KafkaProducer<String, byte[]> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "tickwatch-bench-agents");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private Map<String, Object> consumerConfig(String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    return config;
  }

  private Map<String, Object> adminConfig() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG,
        "tickwatch-bench",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) TIMEOUT.toMillis());
  }

  private static void createTopics(Admin admin, List<String> names) throws InterruptedException {
    int brokers = get(admin.describeCluster().nodes()).size();
    short replication = (short) Math.max(1, Math.min(3, brokers));
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(
          new NewTopic(name, Topics.SAMPLES.partitions(), replication)
              .configs(Map.of("retention.ms", Long.toString(Duration.ofHours(6).toMillis()))));
    }
    get(admin.createTopics(topics).all());
  }

  private static void deleteTopics(Admin admin, List<String> names) {
    try {
      admin.deleteTopics(names).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Could not delete the benchmark topics {}", names, e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
      throws InterruptedException {
    return Offsets.end(admin, topic);
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String group, String topic)
      throws InterruptedException {
    Map<TopicPartition, Long> positions = new HashMap<>(Offsets.committed(admin, group));
    positions.keySet().removeIf(tp -> !tp.topic().equals(topic));
    return positions;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
      throws InterruptedException {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
    }
  }
}
