package io.tickwatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rolling-statistics application on a real KRaft broker: the oracle test (final 1 s and 10 s
 * statistics recomputed from the input topic, compared exactly) and interactive queries over real
 * HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollingStatsAppIT {

  private static final String[] HOSTS = {"host-a", "host-b"};
  private static final int BATCHES_PER_HOST = 1500; // 150 s of event time per host
  private static final long REAL_END_MILLIS =
      TestBatches.BASE_MILLIS + BATCHES_PER_HOST * (long) TestBatches.SLOTS;
  private static final List<Duration> CHECKED =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(10));
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  @TempDir static Path dataDir;
  private KafkaStack stack;
  private StreamsApp app;
  // a host whose partition lags on a loaded machine must not be taken for a silent host (the
  // far-ahead closing batches close the windows, so a long timeout costs no time here)
  private final RollingStatsConfig statsConfig =
      RollingStatsConfig.from(
          key -> RollingStatsConfig.FLEET_HOST_TIMEOUT.equals(key) ? "120s" : null);
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void startStackAndApp() throws Exception {
    stack = KafkaStack.start();
    produceInput();
    StreamsAppConfig appConfig =
        StreamsAppConfig.defaults()
            .withCluster(stack.bootstrapServers(), stack.registryUrl())
            .withDataDir(dataDir)
            .withQueryPort(0)
            .withApplicationId("tickwatch-stats-it");
    app = RollingStatsApp.create(appConfig, statsConfig, stack.registryClient);
    app.start();
    assertThat(app.awaitRunning(Duration.ofMinutes(1))).isTrue();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private void produceInput() {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    try (KafkaProducer<String, SampleBatch> producer =
        new KafkaProducer<>(
            config, new StringSerializer(), new AvroSerializer<>(stack.registryClient))) {
      for (int i = 0; i < BATCHES_PER_HOST; i++) {
        for (int h = 0; h < HOSTS.length; h++) {
          producer.send(
              new ProducerRecord<>(
                  Topics.SAMPLES.name(), HOSTS[h], TestBatches.batch(HOSTS[h], h, i)));
        }
      }
      // two batches per host far ahead: the first closes every real 1 s window, its own 1 s final
      // (closed by the second) moves the larger windows, which merge 1 s finals, past their end
      for (long ahead : new long[] {30_000, 60_000}) {
        for (int h = 0; h < HOSTS.length; h++) {
          producer.send(
              new ProducerRecord<>(
                  Topics.SAMPLES.name(),
                  HOSTS[h],
                  TestBatches.batchAt(HOSTS[h], h, REAL_END_MILLIS + ahead, BATCHES_PER_HOST)));
        }
      }
      producer.flush();
    }
  }

  @Test
  void shouldEmitExactlyTheStatisticsRecomputedFromTheInputTopic() throws Exception {
    Map<String, StatsOracle.Expected> expected =
        StatsOracle.expected(
            stack
                .readAll(
                    Topics.SAMPLES.name(),
                    new AvroDeserializer<>(stack.registryClient, SampleBatch.class))
                .stream()
                .map(ConsumerRecord::value)
                .toList(),
            CHECKED,
            statsConfig.relativeAccuracy(),
            TestBatches.BASE_MILLIS,
            REAL_END_MILLIS);
    assertThat(expected).hasSize(2 * 2 * (150 + 15));

    Map<String, RollingStats> actual = readFinals(expected.size());

    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (key, e) -> {
          RollingStats a = actual.get(key);
          assertThat(a.getCount()).as(key + " count").isEqualTo(e.count());
          assertThat(a.getSum()).as(key + " sum").isEqualTo(e.sum());
          assertThat(a.getMin()).as(key + " min").isEqualTo(e.min());
          assertThat(a.getMax()).as(key + " max").isEqualTo(e.max());
          // the topology's mean is Welford's running mean: equal to sum / count up to rounding
          assertThat(a.getMean())
              .as(key + " mean")
              .isCloseTo(e.mean(), Offset.offset(1e-12 * (1 + Math.abs(e.mean()))));
          assertThat(a.getStddev())
              .as(key + " stddev")
              .isCloseTo(e.stddev(), Offset.offset(1e-9 * (1 + e.stddev())));
          assertThat(new double[] {a.getP50(), a.getP95(), a.getP99(), a.getP999()})
              .as(key + " percentiles")
              .containsExactly(e.pcts());
          assertThat(a.getFinalResult()).isTrue();
        });
  }

  @Test
  void shouldServeTheStoredSeriesOverHttp() throws Exception {
    Map<String, RollingStats> finals = readFinals(2 * 2 * (150 + 15));
    JsonNode body =
        get(
            "/api/v1/series?host=host-a&metric=tick.max.micros&window=10s&from="
                + TestBatches.BASE_MILLIS
                + "&to="
                + REAL_END_MILLIS);
    assertThat(body.get("window").asText()).isEqualTo("10s");
    JsonNode points = body.get("points");
    assertThat(points).hasSize(15);
    for (JsonNode point : points) {
      RollingStats stored =
          finals.get(StatsOracle.key("host-a/tick.max.micros", 10_000, point.get("t").asLong()));
      assertThat(point.get("count").asLong()).isEqualTo(stored.getCount());
      assertThat(point.get("max").asDouble()).isEqualTo(stored.getMax());
      assertThat(point.get("p99").asDouble()).isEqualTo(stored.getP99());
    }

    JsonNode labelled =
        get(
            "/api/v1/series?host=host-b&metric=action.count&labels=action%3Dmove&window=1s&from="
                + TestBatches.BASE_MILLIS
                + "&to="
                + (TestBatches.BASE_MILLIS + 5_000));
    assertThat(labelled.get("points")).hasSize(5);
    assertThat(labelled.get("points").get(0).get("count").asLong()).isEqualTo(1000);

    JsonNode index = get("/api/v1/series/index");
    assertThat(index.get("hosts").toString()).contains("host-a", "host-b");
    assertThat(index.get("metrics").toString()).contains("tick.max.micros", "action.count");

    assertThat(status("/health")).isEqualTo(200);
  }

  @Test
  void shouldAnswer400WithAMessageForBadParameters() throws Exception {
    assertThat(status("/api/v1/series?host=host-a&metric=tick.max.micros&window=7s"))
        .isEqualTo(400);
    assertThat(status("/api/v1/series?metric=tick.max.micros")).isEqualTo(400);
    assertThat(status("/api/v1/series?host=host-a&metric=m&from=now&to=-1h")).isEqualTo(400);
    HttpResponse<String> response = send("/api/v1/series?host=host-a&metric=m&from=yesterday");
    assertThat(response.body()).contains("from").contains("is not a time");
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private int status(String path) throws Exception {
    return send(path).statusCode();
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.queryUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, RollingStats> readFinals(int expectedCount) {
    Map<String, RollingStats> finals = new HashMap<>();
    try (KafkaConsumer<String, RollingStats> consumer =
        consumer(new AvroDeserializer<>(stack.registryClient, RollingStats.class))) {
      consumer.subscribe(List.of(Topics.STATS.name()));
      Instant deadline = Instant.now().plus(DEADLINE);
      while (finals.size() < expectedCount && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, RollingStats> record : consumer.poll(Duration.ofMillis(200))) {
          RollingStats stats = record.value();
          if (stats.getHostId() != null
              && (stats.getWindowSizeMillis() == 1_000 || stats.getWindowSizeMillis() == 10_000)
              && stats.getWindowStartMillis().toEpochMilli() < REAL_END_MILLIS) {
            RollingStats previous = finals.put(StatsOracle.key(stats), stats);
            assertThat(previous).as("one final result per window").isNull();
          }
        }
      }
    }
    return finals;
  }

  private <V> KafkaConsumer<String, V> consumer(
      org.apache.kafka.common.serialization.Deserializer<V> values) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "oracle-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    return new KafkaConsumer<>(config, new StringDeserializer(), values);
  }
}
