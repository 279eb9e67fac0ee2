package io.tickwatch.streams.app;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaUnderTest;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One crash run of the rolling-stats application: two instances in child JVMs ({@link
 * RollingStatsChildMain}), the input produced in {@code rounds + 1} chunks, and after each chunk
 * but the last one instance (alternating) killed with {@code SIGKILL} and restarted on its state
 * directory while the next chunk is produced. Then the final per-host 1 s and 10 s statistics on
 * {@code tickwatch.stats} ({@code read_committed}) are compared by the caller with {@link
 * StatsOracle} recomputed from the input topic.
 *
 * <p>A sample is one value of one series in one slot: every batch carries {@code 2 ×} {@link
 * TestBatches#SLOTS} of them.
 */
final class RollingStatsCrashRun implements AutoCloseable {

  static final List<Duration> CHECKED = List.of(Duration.ofSeconds(1), Duration.ofSeconds(10));
  private static final long WAIT_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** What the run saw. */
  record Result(
      Map<String, StatsOracle.Expected> expected,
      Map<String, RollingStats> finals,
      long duplicateFinals,
      List<Long> droppedPerIncarnation,
      int kills,
      long samples) {}

  private final String bootstrapServers;
  private final EmbeddedSchemaRegistry registry;
  private final SchemaRegistryClient registryClient;
  private final Path dir;
  private final List<Child> children = new ArrayList<>();
  private final List<Long> dropped = new ArrayList<>();

  private RollingStatsCrashRun(
      String bootstrapServers,
      EmbeddedSchemaRegistry registry,
      SchemaRegistryClient client,
      Path dir) {
    this.bootstrapServers = bootstrapServers;
    this.registry = registry;
    this.registryClient = client;
    this.dir = dir;
  }

  /**
   * Creates every catalogue topic on {@code kafka} (replication factor {@code min(3, brokers)}) and
   * starts a registry.
   */
  static RollingStatsCrashRun prepare(KafkaUnderTest kafka, Path dir) {
    kafka.createCatalogueTopics(Topics.all());
    String bootstrapServers = kafka.bootstrapServers();
    EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.builder()
            .host("127.0.0.1")
            .port(0)
            .bootstrapServers(bootstrapServers)
            .inMemory()
            .build()
            .start();
    return new RollingStatsCrashRun(
        bootstrapServers, registry, new RestSchemaRegistryClient(registry.url()), dir);
  }

  /** Runs the input through two instances, killing one per round; see the class comment. */
  Result run(int hosts, int batchesPerHost, int rounds) throws Exception {
    for (int slot = 0; slot < 2; slot++) {
      Child child = new Child(slot);
      children.add(child);
      child.launch();
    }
    for (Child child : children) {
      child.awaitRunning();
    }
    long realEndMillis = TestBatches.BASE_MILLIS + batchesPerHost * (long) TestBatches.SLOTS;
    int kills = 0;
    try (KafkaProducer<String, SampleBatch> producer = producer()) {
      for (int chunk = 0; chunk <= rounds; chunk++) {
        int from = (int) ((long) batchesPerHost * chunk / (rounds + 1));
        int to = (int) ((long) batchesPerHost * (chunk + 1) / (rounds + 1));
        for (int i = from; i < to; i++) {
          for (int h = 0; h < hosts; h++) {
            String host = "host-" + h;
            producer.send(
                new ProducerRecord<>(Topics.SAMPLES.name(), host, TestBatches.batch(host, h, i)));
          }
        }
        producer.flush();
        if (chunk < rounds) {
          Child victim = children.get(chunk % 2);
          victim.awaitRunning();
          victim.kill();
          kills++;
          victim.launch();
        }
      }
      // two batches per host far ahead: they close every real 1 s and 10 s window
      for (long ahead : new long[] {30_000, 60_000}) {
        for (int h = 0; h < hosts; h++) {
          String host = "host-" + h;
          producer.send(
              new ProducerRecord<>(
                  Topics.SAMPLES.name(),
                  host,
                  TestBatches.batchAt(host, h, realEndMillis + ahead, batchesPerHost)));
        }
      }
      producer.flush();
    }
    RollingStatsConfig statsConfig = RollingStatsConfig.defaults();
    Map<String, StatsOracle.Expected> expected =
        StatsOracle.expected(
            readInput(),
            CHECKED,
            statsConfig.relativeAccuracy(),
            TestBatches.BASE_MILLIS,
            realEndMillis);
    Map<String, RollingStats> finals = new HashMap<>();
    long duplicates = readFinals(expected.size(), realEndMillis, finals);
    for (Child child : children) {
      child.terminate();
    }
    return new Result(
        expected,
        finals,
        duplicates,
        List.copyOf(dropped),
        kills,
        (long) hosts * batchesPerHost * 2 * TestBatches.SLOTS);
  }

  /** URL of the run's schema registry. */
  String registryUrl() {
    return registry.url();
  }

  /** A client of the run's schema registry, closed with the run. */
  SchemaRegistryClient registryClient() {
    return registryClient;
  }

  /** An idempotent producer of sample batches through the run's registry; the caller closes it. */
  KafkaProducer<String, SampleBatch> producer() {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            20);
    return new KafkaProducer<>(
        config, new StringSerializer(), new AvroSerializer<>(registryClient));
  }

  /** Every sample batch on the input topic, read to its end offsets. */
  List<SampleBatch> readInput() {
    List<SampleBatch> all = new ArrayList<>();
    try (KafkaConsumer<String, SampleBatch> consumer =
        consumer(new AvroDeserializer<>(registryClient, SampleBatch.class))) {
      String topic = Topics.SAMPLES.name();
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("never read the input to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(r -> all.add(r.value()));
      }
    }
    return all;
  }

  /** Reads per-host 1 s and 10 s finals of the real range until all arrived; returns duplicates. */
  long readFinals(int expectedCount, long realEndMillis, Map<String, RollingStats> finals) {
    long duplicates = 0;
    try (KafkaConsumer<String, RollingStats> consumer =
        consumer(new AvroDeserializer<>(registryClient, RollingStats.class))) {
      String topic = Topics.STATS.name();
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
      while (finals.size() < expectedCount && System.nanoTime() - deadline < 0) {
        for (ConsumerRecord<String, RollingStats> record : consumer.poll(Duration.ofMillis(200))) {
          RollingStats stats = record.value();
          if (stats.getHostId() != null
              && (stats.getWindowSizeMillis() == 1_000 || stats.getWindowSizeMillis() == 10_000)
              && stats.getWindowStartMillis().toEpochMilli() < realEndMillis
              && finals.put(StatsOracle.key(stats), stats) != null) {
            duplicates++;
          }
        }
      }
      // anything committed after the last expected final would be a duplicate too: read to the end
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() - deadline < 0) {
        for (ConsumerRecord<String, RollingStats> record : consumer.poll(Duration.ofMillis(200))) {
          RollingStats stats = record.value();
          if (stats.getHostId() != null
              && (stats.getWindowSizeMillis() == 1_000 || stats.getWindowSizeMillis() == 10_000)
              && stats.getWindowStartMillis().toEpochMilli() < realEndMillis
              && finals.put(StatsOracle.key(stats), stats) != null) {
            duplicates++;
          }
        }
      }
    }
    return duplicates;
  }

  private <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5000);
    return new KafkaConsumer<>(config, new StringDeserializer(), values);
  }

  @Override
  public void close() throws Exception {
    for (Child child : children) {
      child.destroy();
    }
    registryClient.close();
    registry.close();
  }

  /** One instance slot: a state directory and the current child process. */
  private final class Child {
    private final int slot;
    private final Path stateDir;
    private Process process;
    private Path log;
    private int incarnation;

    Child(int slot) throws IOException {
      this.slot = slot;
      this.stateDir = Files.createDirectories(dir.resolve("instance-" + slot));
    }

    void launch() throws IOException {
      incarnation++;
      log = dir.resolve("instance-" + slot + "-" + incarnation + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-XX:+UseSerialGC");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(RollingStatsChildMain.class.getName());
      command.add(bootstrapServers);
      command.add(registry.url());
      command.add(stateDir.toString());
      command.add("tickwatch-stats-crash");
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    }

    void awaitRunning() throws IOException {
      long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
      while (!lines().contains("CHILD state=RUNNING")) {
        if (!process.isAlive() || System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              "instance " + slot + "#" + incarnation + " never RUNNING: " + tail());
        }
        LockSupport.parkNanos(100_000_000L);
      }
    }

    /** SIGKILL; records the last dropped-records value it reported. */
    void kill() throws Exception {
      dropped.add(lastDropped());
      process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM (clean close); records the final dropped-records value. */
    void terminate() throws Exception {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      dropped.add(lastDropped());
    }

    void destroy() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }

    private long lastDropped() throws IOException {
      long last = -1;
      for (String line : lines().split("\n")) {
        if (line.startsWith("CHILD dropped=")) {
          last = Long.parseLong(line.substring("CHILD dropped=".length()).trim());
        }
      }
      if (last < 0) {
        throw new IllegalStateException("instance " + slot + " never reported dropped-records");
      }
      return last;
    }

    private String lines() throws IOException {
      return Files.readString(log);
    }

    private String tail() {
      try {
        String text = lines();
        return text.substring(Math.max(0, text.length() - 3000));
      } catch (IOException e) {
        return e.toString();
      }
    }
  }
}
