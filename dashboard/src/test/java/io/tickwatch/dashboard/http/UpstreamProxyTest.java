package io.tickwatch.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.dashboard.TestHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * History from the streams app's query server and ack/silence forwarding to the alerting service,
 * against stand-ins that speak their documented HTTP APIs (JDK HttpServer, port 0).
 */
class UpstreamProxyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Request(String method, String uri, String body) {}

  private final List<Request> seen = new CopyOnWriteArrayList<>();
  private HttpServer upstream;
  private DashboardServer dashboard;
  private TestHttp http;
  private volatile int ackStatus = 200;

  @BeforeEach
  void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/api/v1/series",
        ex ->
            answer(
                ex,
                200,
                "{\"host\":\"*\",\"metric\":\"tick.duration\",\"labels\":{},\"window\":\"1s\","
                    + "\"windowMillis\":1000,\"from\":0,\"to\":5000,\"points\":["
                    + "{\"t\":1000,\"count\":5,\"mean\":10.0,\"p99\":20.0,\"max\":30.0},"
                    + "{\"t\":2000,\"count\":0,\"mean\":null,\"p99\":null,\"max\":null}]}"));
    upstream.createContext(
        "/api/v1/alerts",
        ex ->
            answer(
                ex,
                ackStatus,
                ackStatus == 200
                    ? "{\"acknowledged\":\"fp-1\",\"by\":\"me\"}"
                    : "{\"error\":\"no open (pending or firing) alert fp-1\"}"));
    upstream.createContext("/health", ex -> answer(ex, 200, "{\"status\":\"UP\"}"));
    upstream.createContext(
        "/api/v1/silences", ex -> answer(ex, 201, "{\"id\":\"s-1\",\"status\":\"active\"}"));
    upstream.start();
    String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
    dashboard =
        DashboardServer.create(
                DashboardConfig.fromMap(
                    Map.of(
                        DashboardConfig.PORT, "0",
                        DashboardConfig.QUERY_URL, url,
                        DashboardConfig.ALERTING_URL, url)))
            .start();
    http = new TestHttp(dashboard.url());
  }

  @AfterEach
  void stop() {
    dashboard.close();
    upstream.stop(0);
  }

  private void answer(HttpExchange ex, int status, String body) throws IOException {
    seen.add(
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().toString(),
            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private Map<String, String> auth() {
    return Map.of(
        "Content-Type", "application/json", "Authorization", "Bearer " + dashboard.token());
  }

  @Test
  void shouldLoadHistoryFromTheQueryServer() throws Exception {
    var response =
        http.get("/api/v1/series?host=fleet&metric=tick.duration&fromMillis=0&toMillis=5000");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("t").toString()).isEqualTo("[1000,2000]");
    assertThat(body.path("mean").toString()).isEqualTo("[10.0,null]");
    assertThat(body.path("p99").get(0).asDouble()).isEqualTo(20);
    assertThat(body.has("historyError")).isFalse();
    String uri = seen.get(0).uri();
    assertThat(uri)
        .startsWith("/api/v1/series?")
        .contains("host=*")
        .contains("metric=tick.duration")
        .contains("window=1s")
        .contains("from=0")
        .contains("to=5000");
  }

  @Test
  void shouldReportAnUnreachableQueryServerInTheAnswer() throws Exception {
    upstream.stop(0);
    var response = http.get("/api/v1/series?host=h&metric=m&fromMillis=0&toMillis=5000");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("historyError").asText())
        .contains("unreachable");
  }

  @Test
  void shouldReportUpstreamHealth() throws Exception {
    JsonNode health = JSON.readTree(http.get("/health").body());
    assertThat(health.path("checks").path("history").asText()).isEqualTo("UP");
    assertThat(health.path("checks").path("alerting").asText()).isEqualTo("UP");
    assertThat(health.path("checks").path("feed").asText()).contains("no Kafka");
    assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
  }

  @Test
  void shouldForwardAnAcknowledgement() throws Exception {
    var response =
        http.post("/api/v1/alerts/fp-1/ack", "{\"by\":\"me\",\"comment\":\"on it\"}", auth());
    assertThat(response.statusCode()).isEqualTo(200);
    Request forwarded = seen.get(0);
    assertThat(forwarded.method()).isEqualTo("POST");
    assertThat(forwarded.uri()).isEqualTo("/api/v1/alerts/fp-1/ack");
    JsonNode body = JSON.readTree(forwarded.body());
    assertThat(body.path("by").asText()).isEqualTo("me");
    assertThat(body.path("comment").asText()).isEqualTo("on it");
  }

  @Test
  void shouldPassTheAlertingServicesRefusalOn() throws Exception {
    ackStatus = 404;
    var response = http.post("/api/v1/alerts/fp-1/ack", "{\"by\":\"me\"}", auth());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("error").asText())
        .isEqualTo("no open (pending or firing) alert fp-1");
  }

  @Test
  void shouldTranslateSilencesIntoAlertingMatchers() throws Exception {
    var response =
        http.post(
            "/api/v1/silences",
            "{\"matchers\":{\"hostId\":\"host-1\",\"metric\":\"tick.duration\"},"
                + "\"durationMinutes\":60,\"comment\":\"deploy\",\"by\":\"me\"}",
            auth());
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(seen.get(0).body());
    assertThat(body.path("matchers").toString())
        .contains("\"host=host-1\"")
        .contains("\"metric=tick.duration\"");
    assertThat(body.path("duration").asText()).isEqualTo("60m");
    assertThat(body.path("createdBy").asText()).isEqualTo("me");
    assertThat(body.path("comment").asText()).isEqualTo("deploy");
  }
}
