package io.tickwatch.streams.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.DeadLetterHeader;
import io.tickwatch.avro.FailureStage;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.anomaly.AnomalyConfig;
import io.tickwatch.streams.anomaly.AnomalyStreamsConfig;
import io.tickwatch.streams.app.AnomalyApp;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.reliability.PoisonPillGenerator.Category;
import io.tickwatch.streams.reliability.PoisonPillGenerator.Pill;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 3: more than 10,000 seeded malformed records of every category mixed into valid
 * sample batches, fed to the real rolling-statistics application on a real broker (and
 * deserialization poison into {@code tickwatch.stats} for the real anomaly application). Every
 * poison record must come out of {@code tickwatch.dead-letter} once, with its category's reason;
 * every valid sample must be counted in the final 1 s windows, no more and no less.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonPillIT {

  private static final long SEED = 20261128L;
  private static final List<String> HOSTS = List.of("host-a", "host-b", "host-c", "host-d");
  private static final int VALID_PER_HOST = 400; // 40 s of event time per host
  // recent event time: a fixed past date is deleted by the topic retention once it is older
  private static final long BASE_MILLIS = PoisonPillGenerator.recentBaseMillis(Instant.now());
  private static final long REAL_END_MILLIS =
      BASE_MILLIS + VALID_PER_HOST * (long) PoisonPillGenerator.SLOTS;
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  /**
   * Percent of the full 10,310-record poison volume to send ({@code -Dtickwatch.poison.percent}).
   * The default run (CI) sends the full volume; a smaller share ({@code =10}) is for quick local
   * iterations.
   */
  private static final int PERCENT = Integer.getInteger("tickwatch.poison.percent", 100);

  /** Poison into tickwatch.samples: 10,310 records at 100 %. */
  private static final Map<Category, Integer> SAMPLE_POISON =
      scaled(
          Map.of(
              Category.BAD_MAGIC_BYTE, 2_500,
              Category.UNKNOWN_SCHEMA_ID, 1_500,
              Category.TRUNCATED_AVRO, 2_500,
              Category.INFINITY, 1_500,
              Category.NEGATIVE_DURATION, 1_000,
              Category.FAR_PAST, 500,
              Category.FAR_FUTURE, 500,
              Category.MEGABYTE_NAME, 10,
              Category.LABEL_EXPLOSION, 300));

  private static Map<Category, Integer> scaled(Map<Category, Integer> full) {
    Map<Category, Integer> scaled = new EnumMap<>(Category.class);
    full.forEach((category, n) -> scaled.put(category, Math.max(1, n * PERCENT / 100)));
    return scaled;
  }

  /** Deserialization poison into tickwatch.stats, for the anomaly application. */
  private static final int STATS_POISON_PER_CATEGORY = 100;

  /** What each category's dead letters must say. */
  private static final Map<Category, Pattern> REASONS =
      new EnumMap<>(
          Map.of(
              Category.BAD_MAGIC_BYTE, Pattern.compile("magic byte"),
              Category.UNKNOWN_SCHEMA_ID, Pattern.compile("schema id \\d+|id \\d+"),
              Category.TRUNCATED_AVRO, Pattern.compile("(?i)truncat|ends early|fewer than|EOF"),
              Category.INFINITY, Pattern.compile("infinite value|non-finite duration"),
              Category.NEGATIVE_DURATION,
                  Pattern.compile("negative duration|sampleIntervalMicros -\\d+, must be > 0"),
              Category.FAR_PAST, Pattern.compile("implausibly far"),
              Category.FAR_FUTURE, Pattern.compile("implausibly far"),
              Category.MEGABYTE_NAME, Pattern.compile("series name of 1000000 characters"),
              Category.LABEL_EXPLOSION, Pattern.compile("label cardinality explosion")));

  @TempDir static Path statsDir;
  @TempDir static Path anomalyDir;
  private KafkaStack stack;
  private StreamsApp statsApp;
  private StreamsApp anomalyApp;
  private List<Pill> pills;
  private Map<Category, Integer> statsPoison;
  private final RollingStatsConfig statsConfig =
      RollingStatsConfig.from(
          key ->
              switch (key) {
                case RollingStatsConfig.WINDOW_SIZES -> "1s,10s";
                case RollingStatsConfig.FLEET_HOST_TIMEOUT -> "120s";
                default -> null;
              });

  @BeforeAll
  void produceAndStart() throws Exception {
    stack = KafkaStack.start();
    AvroSerializer<SampleBatch> serializer = new AvroSerializer<>(stack.registryClient);
    PoisonPillGenerator generator =
        new PoisonPillGenerator(
            SEED, BASE_MILLIS, HOSTS, batch -> serializer.serialize(Topics.SAMPLES.name(), batch));
    pills = new ArrayList<>(generator.generate(VALID_PER_HOST, SAMPLE_POISON));
    // per host two valid batches far ahead (within the plausible skew): the first closes every
    // real 1 s window, its own 1 s final closes the 10 s windows
    for (long ahead : new long[] {30_000, 60_000}) {
      for (int h = 0; h < HOSTS.size(); h++) {
        long index = VALID_PER_HOST + ahead / PoisonPillGenerator.SLOTS;
        SampleBatch closer = generator.validBatch(HOSTS.get(h), h, index, false);
        pills.add(
            new Pill(
                Category.VALID,
                HOSTS.get(h),
                serializer.serialize(Topics.SAMPLES.name(), closer),
                closer.getStartTimeMillis().toEpochMilli() + PoisonPillGenerator.SLOTS));
      }
    }
    produce(Topics.SAMPLES.name(), pills);
    statsPoison = produceStatsPoison();

    statsApp =
        RollingStatsApp.create(
            appConfig("tickwatch-poison-stats", statsDir), statsConfig, stack.registryClient);
    anomalyApp =
        AnomalyApp.create(
            appConfig(AnomalyStreamsConfig.DEFAULT_APPLICATION_ID + "-poison", anomalyDir),
            AnomalyConfig.defaults(),
            stack.registryClient);
    statsApp.start();
    anomalyApp.start();
    assertThat(statsApp.awaitRunning(Duration.ofMinutes(1))).isTrue();
    assertThat(anomalyApp.awaitRunning(Duration.ofMinutes(1))).isTrue();
  }

  @AfterAll
  void stop() throws Exception {
    if (anomalyApp != null) {
      anomalyApp.close();
    }
    if (statsApp != null) {
      statsApp.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldDeadLetterEveryPoisonRecordWithItsReasonAndCountEveryValidSample() throws Exception {
    Map<Category, Integer> sent = PoisonPillGenerator.counts(pills);
    int samplePoison = SAMPLE_POISON.values().stream().mapToInt(Integer::intValue).sum();
    int statsPoisonTotal = statsPoison.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(samplePoison).isGreaterThanOrEqualTo(10_000 * PERCENT / 100);
    assertThat(sent.get(Category.VALID_WITH_NAN)).isPositive();

    List<DeadLetter> letters = readDeadLetters(samplePoison + statsPoisonTotal);

    // every poison record exactly once, by category, with its reason; no valid record
    Map<String, Map<Category, Integer>> bySource = new HashMap<>();
    for (DeadLetter letter : letters) {
      Category category = category(letter);
      bySource
          .computeIfAbsent(letter.getSourceTopic(), t -> new EnumMap<>(Category.class))
          .merge(category, 1, Integer::sum);
      assertThat(category.poison()).as("a valid record was dead-lettered: " + letter).isTrue();
      if (letter.getSourceTopic().equals(Topics.SAMPLES.name())) {
        assertThat(letter.getReason())
            .as(category + " reason")
            .containsPattern(REASONS.get(category));
        FailureStage expectedStage =
            switch (category) {
              case BAD_MAGIC_BYTE, UNKNOWN_SCHEMA_ID, TRUNCATED_AVRO ->
                  FailureStage.DESERIALIZATION;
              default -> FailureStage.PROCESSING;
            };
        assertThat(letter.getStage()).as(category + " stage").isEqualTo(expectedStage);
      }
    }
    Map<Category, Integer> expectedSamples = new EnumMap<>(SAMPLE_POISON);
    assertThat(bySource.get(Topics.SAMPLES.name()))
        .as("dead letters by category; progress of the stats app: " + progress())
        .isEqualTo(expectedSamples);
    assertThat(bySource.get(Topics.STATS.name())).isEqualTo(statsPoison);
    assertThat(letters).hasSize(samplePoison + statsPoisonTotal);

    // every valid sample counted once in the final 1 s windows of its host and series
    Map<String, Long> expectedCounts = expectedCounts();
    Map<String, Long> actualCounts = readFinalCounts(expectedCounts.size());
    assertThat(actualCounts).isEqualTo(expectedCounts);
    long validSamples = expectedCounts.values().stream().mapToLong(Long::longValue).sum();
    assertThat(validSamples).isGreaterThan(HOSTS.size() * VALID_PER_HOST * 100L);

    // the anomaly application went on past its poison: it consumed all of tickwatch.stats
    awaitConsumedToTheEnd(anomalyApp.config().applicationId(), Topics.STATS.name());
  }

  /** Committed offsets of the stats app against the end of every samples partition. */
  private String progress() {
    try (Admin admin = stack.kafka.createAdmin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(statsApp.config().applicationId())
              .partitionsToOffsetAndMetadata()
              .get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < 6; p++) {
        latest.put(new TopicPartition(Topics.SAMPLES.name(), p), OffsetSpec.latest());
      }
      StringBuilder out = new StringBuilder();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach(
              (tp, info) ->
                  out.append(tp)
                      .append(": end ")
                      .append(info.offset())
                      .append(" committed ")
                      .append(committed.get(tp))
                      .append("; "));
      return out.append(statsApp.state()).toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private StreamsAppConfig appConfig(String applicationId, Path dataDir) {
    return StreamsAppConfig.defaults()
        .withCluster(stack.bootstrapServers(), stack.registryUrl())
        .withDataDir(dataDir)
        .withQueryPort(0)
        .withApplicationId(applicationId);
  }

  private void produce(String topic, List<Pill> records) {
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            // one request in flight per connection: a retried first request can never fall
            // behind a later one (the KAFKA-15591 loss on fresh partitions, see PartitionLeaders)
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            1);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (Pill pill : records) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(PoisonPillGenerator.CATEGORY_HEADER, pill.categoryHeader());
        producer.send(
            new ProducerRecord<>(
                topic, null, pill.timestampMillis(), pill.key(), pill.value(), headers),
            (metadata, error) -> {
              if (error != null) {
                failures.add(pill.category() + ": " + error);
              }
            });
      }
      producer.flush();
    }
    assertThat(failures).as("records the broker refused").isEmpty();
  }

  /** Bad magic, unknown ids and truncated records into tickwatch.stats, between valid ones. */
  private Map<Category, Integer> produceStatsPoison() {
    AvroSerializer<RollingStats> serializer = new AvroSerializer<>(stack.registryClient);
    java.util.Random random = new java.util.Random(SEED);
    List<Pill> records = new ArrayList<>();
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    for (int i = 0; i < STATS_POISON_PER_CATEGORY; i++) {
      byte[] good = serializer.serialize(Topics.STATS.name(), stats(i));
      byte[] unknownId = good.clone();
      ByteBuffer.wrap(unknownId, 1, 4).putInt(2_000_000 + i);
      byte[] badMagic = good.clone();
      badMagic[0] = (byte) (1 + random.nextInt(255));
      byte[] truncated = Arrays.copyOf(good, random.nextInt(good.length));
      String key = "host-p/tick.max.micros";
      long t = BASE_MILLIS + i * 1000L;
      records.add(new Pill(Category.VALID, key, good, t));
      records.add(new Pill(Category.BAD_MAGIC_BYTE, key, badMagic, t));
      records.add(new Pill(Category.UNKNOWN_SCHEMA_ID, key, unknownId, t));
      records.add(new Pill(Category.TRUNCATED_AVRO, key, truncated, t));
    }
    produce(Topics.STATS.name(), records);
    for (Pill pill : records) {
      if (pill.category().poison()) {
        counts.merge(pill.category(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static RollingStats stats(int i) {
    return RollingStats.newBuilder()
        .setHostId("host-p")
        .setCluster("poison-test")
        .setMetric("tick.max.micros")
        .setWindowStartMillis(Instant.ofEpochMilli(BASE_MILLIS + i * 1000L))
        .setWindowEndMillis(Instant.ofEpochMilli(BASE_MILLIS + (i + 1) * 1000L))
        .setWindowSizeMillis(1000)
        .setCount(i % 7 == 0 ? 0 : 1000)
        .setSum(i % 7 == 0 ? 0 : 5000.0)
        .setMean(i % 7 == 0 ? Double.NaN : 5.0)
        .setMin(i % 7 == 0 ? Double.NaN : 1.0)
        .setMax(i % 7 == 0 ? Double.NaN : 9.0)
        .setStddev(i % 7 == 0 ? Double.NaN : 1.0)
        .setP50(i % 7 == 0 ? Double.NaN : 5.0)
        .setP95(i % 7 == 0 ? Double.NaN : 9.0)
        .setP99(i % 7 == 0 ? Double.NaN : 9.0)
        .setP999(i % 7 == 0 ? Double.NaN : 9.0)
        .setRatePerSecond(i % 7 == 0 ? 0 : 5000.0)
        .setFinalResult(true)
        .setSketch(
            new io.tickwatch.avro.QuantileSketch(0.01, i % 7 == 0 ? 0L : 1000L, 0, List.of()))
        .build();
  }

  private static Category category(DeadLetter letter) {
    for (DeadLetterHeader header : letter.getOriginalHeaders()) {
      if (header.getKey().equals(PoisonPillGenerator.CATEGORY_HEADER)) {
        ByteBuffer value = header.getValue().duplicate();
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return Category.valueOf(new String(bytes, StandardCharsets.UTF_8));
      }
    }
    throw new AssertionError("dead letter without the category header: " + letter.getReason());
  }

  /** Non-NaN samples of every valid batch per host series and 1 s window of the real range. */
  private Map<String, Long> expectedCounts() {
    AvroDeserializer<SampleBatch> deserializer =
        new AvroDeserializer<>(stack.registryClient, SampleBatch.class);
    Map<String, Long> counts = new HashMap<>();
    for (Pill pill : pills) {
      if (pill.category().poison()) {
        continue;
      }
      SampleBatch batch = deserializer.deserialize(Topics.SAMPLES.name(), pill.value());
      long start = batch.getStartTimeMillis().toEpochMilli();
      for (MetricSeries series : batch.getSeries()) {
        for (int k = 0; k < batch.getSampleCount(); k++) {
          long t = start + k;
          long window = t / 1000 * 1000;
          if (window >= REAL_END_MILLIS) {
            continue;
          }
          String key = batch.getHostId() + "/" + series.getName() + "|" + window;
          long add = Double.isNaN(series.getValues().get(k)) ? 0 : 1;
          counts.merge(key, add, Long::sum);
        }
      }
    }
    return counts;
  }

  private Map<String, Long> readFinalCounts(int expectedKeys) {
    Map<String, Long> counts = new HashMap<>();
    AvroDeserializer<RollingStats> values =
        new AvroDeserializer<>(stack.registryClient, RollingStats.class);
    try (KafkaConsumer<String, byte[]> consumer =
        consumer(new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.STATS.name()));
      Instant deadline = Instant.now().plus(DEADLINE);
      while (counts.size() < expectedKeys && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          RollingStats stats;
          try {
            stats = values.deserialize(record.topic(), record.value());
          } catch (org.apache.kafka.common.errors.SerializationException e) {
            continue; // this test's own poison in tickwatch.stats
          }
          if (stats == null
              || stats.getHostId() == null
              || !HOSTS.contains(stats.getHostId())
              || stats.getWindowSizeMillis() != 1_000
              || stats.getWindowStartMillis().toEpochMilli() >= REAL_END_MILLIS) {
            continue;
          }
          String key =
              stats.getHostId()
                  + "/"
                  + stats.getMetric()
                  + "|"
                  + stats.getWindowStartMillis().toEpochMilli();
          Long previous = counts.put(key, stats.getCount());
          assertThat(previous).as("one final result per window: " + key).isNull();
        }
      }
    }
    return counts;
  }

  private List<DeadLetter> readDeadLetters(int expected) {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer =
        consumer(new AvroDeserializer<>(stack.registryClient, DeadLetter.class))) {
      consumer.subscribe(List.of(Topics.DEAD_LETTER.name()));
      Instant deadline = Instant.now().plus(DEADLINE);
      while (letters.size() < expected && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
      }
      // anything beyond the expected number would be a duplicate or a valid record: look a while
      Instant settle = Instant.now().plusSeconds(5);
      while (Instant.now().isBefore(settle)) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
      }
    }
    return letters;
  }

  private void awaitConsumedToTheEnd(String groupId, String topic) throws Exception {
    try (Admin admin = stack.kafka.createAdmin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Instant deadline = Instant.now().plus(DEADLINE);
      Map<TopicPartition, Long> lag = Map.of();
      while (Instant.now().isBefore(deadline)) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> now = new HashMap<>();
        admin
            .listOffsets(latest)
            .all()
            .get()
            .forEach(
                (tp, info) -> {
                  OffsetAndMetadata c = committed.get(tp);
                  long behind = info.offset() - (c == null ? 0 : c.offset());
                  if (behind > 0) {
                    now.put(tp, behind);
                  }
                });
        lag = now;
        if (lag.isEmpty()) {
          return;
        }
        Thread.onSpinWait();
        consumerPause();
      }
      throw new AssertionError("the anomaly application did not consume " + topic + ": " + lag);
    }
  }

  /** A bounded wait between two polls of the committed offsets (no sleep as synchronisation). */
  private static void consumerPause() throws InterruptedException {
    Object monitor = new Object();
    synchronized (monitor) {
      monitor.wait(200);
    }
  }

  private <V> KafkaConsumer<String, V> consumer(
      org.apache.kafka.common.serialization.Deserializer<V> values) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "poison-check-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            4 << 20);
    return new KafkaConsumer<>(config, new StringDeserializer(), values);
  }
}
