package io.tickwatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two query servers over real HTTP, with fake stores and a fake partition assignment. */
class QueryServerTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final List<Duration> SIZES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(10));

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicBoolean queryable = new AtomicBoolean(true);
  private QueryServer a;
  private QueryServer b;

  /** Owns exactly one host's series; reports the other host on the other instance. */
  private record FakeReader(String ownHost) implements LocalSeriesReader {
    @Override
    public List<Duration> windowSizes() {
      return SIZES;
    }

    @Override
    public String storeName(SeriesQuery query) {
      return "stats-host-" + query.windowSize().toSeconds() + "s";
    }

    @Override
    public String storeKey(SeriesQuery query) {
      return query.host();
    }

    @Override
    public String indexStoreName() {
      return "stats-host-10s";
    }

    @Override
    public List<RollingStats> read(SeriesQuery query) {
      if (!query.host().equals(ownHost)) {
        return List.of();
      }
      return List.of(
          stats(ownHost, query.metric(), query.fromMillis(), 3, 1.0, 5.0),
          stats(ownHost, query.metric(), query.fromMillis() + 1000, 0, Double.NaN, Double.NaN));
    }

    @Override
    public SeriesIndex index() {
      return new SeriesIndex(
          new TreeSet<>(List.of(ownHost)),
          new TreeSet<>(List.of("tick.duration")),
          new TreeSet<>(List.of(ownHost + "/tick.duration")));
    }
  }

  private final class FakeDirectory implements InstanceDirectory {
    private final HostInfo self;

    FakeDirectory(HostInfo self) {
      this.self = self;
    }

    @Override
    public HostInfo self() {
      return self;
    }

    @Override
    public boolean queryable() {
      return queryable.get();
    }

    @Override
    public String state() {
      return queryable.get() ? "RUNNING" : "REBALANCING";
    }

    @Override
    public Optional<HostInfo> activeOwner(String store, String key) {
      return switch (key) {
        case "host-a" -> Optional.of(a.hostInfo());
        case "host-b" -> Optional.of(b.hostInfo());
        default -> Optional.empty();
      };
    }

    @Override
    public List<HostInfo> instancesWithStore(String store) {
      return List.of(a.hostInfo(), b.hostInfo());
    }
  }

  @BeforeEach
  void start() {
    InstantSource clock = InstantSource.fixed(NOW);
    a = QueryServer.bind("127.0.0.1", 0, clock);
    b = QueryServer.bind("127.0.0.1", 0, clock);
    a.start(new FakeReader("host-a"), new FakeDirectory(a.hostInfo()));
    b.start(new FakeReader("host-b"), new FakeDirectory(b.hostInfo()));
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  @Test
  void shouldAnswerFromTheLocalStoreWithNullForNaN() throws Exception {
    HttpResponse<String> response =
        get(a, "/api/v1/series?host=host-a&metric=tick.duration&window=1s&from=1000&to=5000");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("window").asText()).isEqualTo("1s");
    assertThat(body.get("points")).hasSize(2);
    JsonNode first = body.get("points").get(0);
    assertThat(first.get("t").asLong()).isEqualTo(1000);
    assertThat(first.get("count").asLong()).isEqualTo(3);
    assertThat(first.get("max").asDouble()).isEqualTo(5.0);
    assertThat(body.get("points").get(1).get("mean").isNull()).isTrue();
    assertThat(response.headers().firstValue("X-Tickwatch-Instance")).hasValue(instance(a));
  }

  @Test
  void shouldForwardToTheInstanceThatOwnsTheSeries() throws Exception {
    HttpResponse<String> response =
        get(a, "/api/v1/series?host=host-b&metric=tick.duration&from=1000&to=5000");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Tickwatch-Instance")).hasValue(instance(a));
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("points")).hasSize(2);
    assertThat(body.get("host").asText()).isEqualTo("host-b");
  }

  @Test
  void shouldMergeTheIndexOfEveryInstance() throws Exception {
    JsonNode body = json.readTree(get(b, "/api/v1/series/index").body());
    assertThat(body.get("hosts").toString()).isEqualTo("[\"host-a\",\"host-b\"]");
    assertThat(body.get("series")).hasSize(2);
    assertThat(body.get("instances")).hasSize(2);
  }

  @Test
  void shouldAnswer503WhileNotQueryable() throws Exception {
    queryable.set(false);
    HttpResponse<String> response = get(a, "/api/v1/series?host=host-a&metric=tick.duration");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("REBALANCING");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(get(a, "/health").statusCode()).isEqualTo(503);
  }

  @Test
  void shouldAnswer503WhenTheOwnerIsUnknown() throws Exception {
    assertThat(get(a, "/api/v1/series?host=host-z&metric=tick.duration").statusCode())
        .isEqualTo(503);
  }

  @Test
  void shouldAnswer400And404WithAMessage() throws Exception {
    HttpResponse<String> bad = get(a, "/api/v1/series?host=host-a&metric=m&window=2s");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("error").asText()).contains("window '2s'");
    assertThat(get(a, "/api/v1/nothing").statusCode()).isEqualTo(404);
    assertThat(get(a, "/health").statusCode()).isEqualTo(200);
  }

  private static String instance(QueryServer server) {
    return server.hostInfo().host() + ":" + server.hostInfo().port();
  }

  private HttpResponse<String> get(QueryServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static RollingStats stats(
      String host, String metric, long startMillis, long count, double min, double max) {
    return RollingStats.newBuilder()
        .setHostId(host)
        .setMetric(metric)
        .setLabels(Map.of())
        .setWindowStartMillis(Instant.ofEpochMilli(startMillis))
        .setWindowEndMillis(Instant.ofEpochMilli(startMillis + 1000))
        .setWindowSizeMillis(1000)
        .setCount(count)
        .setSum(count == 0 ? 0 : min + max)
        .setMean(count == 0 ? Double.NaN : (min + max) / 2)
        .setMin(min)
        .setMax(max)
        .setStddev(count == 0 ? Double.NaN : 1.0)
        .setRatePerSecond(0)
        .setP50(min)
        .setP95(max)
        .setP99(max)
        .setP999(max)
        .setSketch(
            QuantileSketch.newBuilder()
                .setRelativeAccuracy(0.01)
                .setZeroCount(0)
                .setIndexOffset(0)
                .setCounts(List.of())
                .build())
        .setFinalResult(false)
        .build();
  }
}
