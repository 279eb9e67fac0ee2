package io.tickwatch.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.dashboard.TestHttp;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP layer on a real server (port 0, no Kafka): access control, headers, errors, SSE. */
class DashboardHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = "{\"hostId\":\"host-1\",\"fraction\":0.2}";

  private static DashboardServer server;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    server = DashboardServer.create(DashboardConfig.fromMap(Map.of("dashboard.port", "0")));
    server.start();
    http = new TestHttp(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> headers(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static String error(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("error").asText();
  }

  @Test
  void shouldRefuseControlWithoutToken() throws Exception {
    var response =
        http.post("/api/v1/control/shed", BODY, headers("Content-Type", "application/json"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response)).contains("access token");
  }

  @Test
  void shouldRefuseControlWithWrongToken() throws Exception {
    var response =
        http.post(
            "/api/v1/control/shed",
            BODY,
            headers("Content-Type", "application/json", "Authorization", "Bearer nope"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response)).isEqualTo("invalid access token");
  }

  @Test
  void shouldRefuseControlFromForeignOrigin() throws Exception {
    var response =
        http.post(
            "/api/v1/control/shed",
            BODY,
            headers(
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + server.token(),
                "Origin",
                "http://evil.example"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(error(response)).contains("cross-origin").contains("http://evil.example");
  }

  @Test
  void shouldRefuseControlThatIsNotJson() throws Exception {
    var response =
        http.post(
            "/api/v1/control/shed",
            BODY,
            headers("Content-Type", "text/plain", "Authorization", "Bearer " + server.token()));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(error(response)).contains("application/json");
  }

  @Test
  void shouldPassTheGuardWithTokenSameOriginAndJson() throws Exception {
    var response =
        http.post(
            "/api/v1/control/shed",
            BODY,
            headers(
                "Content-Type",
                "application/json; charset=utf-8",
                "Authorization",
                "Bearer " + server.token(),
                "Origin",
                server.url()));
    // no Kafka in this test: the request got past access control to the publisher
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(error(response)).contains("no Kafka cluster");
  }

  @Test
  void shouldValidateControlBodiesWith400() throws Exception {
    var auth =
        headers("Content-Type", "application/json", "Authorization", "Bearer " + server.token());
    var fraction = http.post("/api/v1/control/shed", "{\"hostId\":\"h\",\"fraction\":3}", auth);
    assertThat(fraction.statusCode()).isEqualTo(400);
    assertThat(error(fraction)).contains("fraction");
    var notJson = http.post("/api/v1/control/profile", "{nope", auth);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(error(notJson)).contains("not valid JSON");
    var silence = http.post("/api/v1/silences", "{\"matchers\":{\"colour\":\"red\"}}", auth);
    assertThat(silence.statusCode()).isEqualTo(400);
    assertThat(error(silence)).contains("unknown matcher 'colour'");
  }

  @Test
  void shouldSetSecurityHeadersOnEveryResponse() throws Exception {
    for (String path :
        new String[] {
          "/api/v1/overview",
          "/health",
          "/metrics",
          "/api/v1/nothing-here",
          "/webjars/uplot/dist/uPlot.iife.min.js",
          "/api/v1/series"
        }) {
      var response = http.get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .contains(SecurityHeaders.CSP);
      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .contains("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
    }
  }

  @Test
  void shouldServeUplotFromTheWebjar() throws Exception {
    var plain = http.get("/webjars/uplot/dist/uPlot.iife.min.js");
    var versioned = http.get("/webjars/uplot/1.6.30/dist/uPlot.min.css");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(plain.body()).contains("uPlot");
    assertThat(versioned.statusCode()).isEqualTo(200);
    assertThat(versioned.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
  }

  @Test
  void shouldNotServeFilesOutsideTheAssetFolders() throws Exception {
    assertThat(http.get("/webjars/uplot/..%2F..%2Fpom.properties").statusCode()).isEqualTo(404);
    assertThat(http.get("/.hidden").statusCode()).isEqualTo(404);
    assertThat(http.get("/io/tickwatch/dashboard/DashboardServer.class").statusCode())
        .isEqualTo(404);
  }

  @Test
  void shouldAnswerBadSeriesParametersWith400() throws Exception {
    assertThat(error(http.get("/api/v1/series?metric=m"))).contains("missing parameter 'host'");
    assertThat(error(http.get("/api/v1/series?host=h"))).contains("missing parameter 'metric'");
    var resolution = http.get("/api/v1/series?host=h&metric=m&resolution=5m");
    assertThat(resolution.statusCode()).isEqualTo(400);
    assertThat(error(resolution)).contains("resolution must be one of 1ms, 1s, 10s");
    assertThat(error(http.get("/api/v1/series?host=h&metric=m&fromMillis=yesterday")))
        .contains("fromMillis must be epoch milliseconds");
    assertThat(error(http.get("/api/v1/series?host=h&metric=m&fromMillis=20&toMillis=10")))
        .contains("must be before");
    assertThat(error(http.get("/api/v1/series?host=h&metric=m&resolution=1ms&fromMillis=0")))
        .contains("range too long");
  }

  @Test
  void shouldAnswerEmptyStateWithoutKafka() throws Exception {
    JsonNode overview = JSON.readTree(http.get("/api/v1/overview").body());
    assertThat(overview.path("fleet").path("hostId").asText()).isEqualTo("fleet");
    assertThat(overview.path("fleet").path("cpuPercent").isNull()).isTrue();
    assertThat(overview.path("hosts").isArray()).isTrue();
    JsonNode series =
        JSON.readTree(http.get("/api/v1/series?host=fleet&metric=tick.duration").body());
    assertThat(series.path("unit").asText()).isEqualTo("µs");
    assertThat(series.path("t").isArray()).isTrue();
    assertThat(http.get("/api/v1/alerts").body()).isEqualTo("[]");
    JsonNode health = JSON.readTree(http.get("/health").body());
    assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
    assertThat(health.path("checks").path("feed").asText()).contains("no Kafka");
  }

  @Test
  void shouldAnswerUnknownProfilesAndExperimentsWith404() throws Exception {
    var profile = http.get("/api/v1/profiles/nope");
    assertThat(profile.statusCode()).isEqualTo(404);
    assertThat(error(profile)).contains("nope");
    assertThat(http.get("/api/v1/experiments/nope/results").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldKeepReadsOpenOnLoopback() throws Exception {
    assertThat(server.readsNeedToken()).isFalse();
    assertThat(server.browserUrl()).isEqualTo(server.url() + "/");
    assertThat(http.get("/api/v1/overview").statusCode()).isEqualTo(200);
    assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
    JsonNode session = JSON.readTree(http.get("/api/v1/session").body());
    assertThat(session.path("required").asBoolean()).isFalse();
    assertThat(session.path("authenticated").asBoolean()).isTrue();
  }

  @Test
  void shouldOpenAnEventStream() throws Exception {
    HttpResponse<InputStream> response =
        http.client()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/stream"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      assertThat(reader.readLine()).isEqualTo("retry: 2000");
      assertThat(reader.readLine()).isEqualTo(": connected");
    }
  }

  @Test
  void shouldRefuseToBindANonLoopbackAddressWithoutAToken() {
    DashboardConfig config =
        DashboardConfig.fromMap(Map.of("dashboard.host", "0.0.0.0", "dashboard.port", "0"));
    assertThatThrownBy(() -> DashboardServer.create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to bind the dashboard to 0.0.0.0")
        .hasMessageContaining("dashboard.token");
  }
}
