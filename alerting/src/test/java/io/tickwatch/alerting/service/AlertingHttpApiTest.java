package io.tickwatch.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.silence.Silencer;
import io.tickwatch.alerting.testing.MutableClock;
import io.tickwatch.alerting.testing.Notifications;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.Severity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP API on a real server (port 0) over a fake backend. */
class AlertingHttpApiTest {
  private final MutableClock clock = new MutableClock(Notifications.T0);
  private final Silencer silencer = new Silencer();
  private final Alert firing = Notifications.alert("host-1", Severity.WARNING, AlertState.FIRING);
  private AlertingHttpApi api;

  @BeforeEach
  void start() throws Exception {
    AlertingHttpApi.Backend backend =
        new AlertingHttpApi.Backend() {
          @Override
          public List<Alert> alerts() {
            return List.of(firing);
          }

          @Override
          public List<AlertTransition> history(String fingerprint) {
            return List.of();
          }

          @Override
          public List<AlertTransition> recentHistory(int limit) {
            return List.of();
          }

          @Override
          public Silencer silencer() {
            return silencer;
          }

          @Override
          public void addSilence(io.tickwatch.alerting.silence.Silence silence) {
            silencer.add(silence);
          }

          @Override
          public boolean expireSilence(String id) {
            return silencer.expire(id, clock.millis());
          }

          @Override
          public List<io.tickwatch.avro.ActionAudit> actions(String fingerprintOrNull) {
            return List.of();
          }

          @Override
          public CompletableFuture<Boolean> acknowledge(String fp, String by, String comment) {
            return CompletableFuture.completedFuture(fp.equals(firing.getFingerprint()));
          }
        };
    api = new AlertingHttpApi("127.0.0.1", 0, backend, clock, "http://127.0.0.1:8080");
    api.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("POST", "/api/v1/silences", "not json", 400, "not valid JSON"),
        Arguments.of("POST", "/api/v1/silences", "{}", 400, "'matchers'"),
        Arguments.of(
            "POST",
            "/api/v1/silences",
            "{\"matchers\":[\"host\"],\"duration\":\"1h\",\"createdBy\":\"a\"}",
            400,
            "no operator"),
        Arguments.of(
            "POST",
            "/api/v1/silences",
            "{\"matchers\":[\"host=~(\"],\"duration\":\"1h\",\"createdBy\":\"a\"}",
            400,
            "regular expression"),
        Arguments.of(
            "POST",
            "/api/v1/silences",
            "{\"matchers\":[\"host=a\"],\"createdBy\":\"a\"}",
            400,
            "'endsAt'"),
        Arguments.of(
            "POST",
            "/api/v1/silences",
            "{\"matchers\":[\"host=a\"],\"duration\":\"1h\"}",
            400,
            "'createdBy'"),
        Arguments.of(
            "POST",
            "/api/v1/silences",
            "{\"matchers\":[\"host=a\"],\"endsAt\":\"2020-01-01T00:00:00Z\",\"createdBy\":\"a\"}",
            400,
            "end after it starts"),
        Arguments.of("POST", "/api/v1/alerts/fp-host-1/ack", "{}", 400, "'by'"),
        Arguments.of("POST", "/api/v1/alerts/nope/ack", "{\"by\":\"a\"}", 404, "no open"),
        Arguments.of("GET", "/api/v1/alerts?state=weird", null, 400, "state must be"),
        Arguments.of("GET", "/api/v1/history?limit=0", null, 400, "limit"),
        Arguments.of("DELETE", "/api/v1/silences/nope", null, 404, "no silence"),
        Arguments.of("DELETE", "/api/v1/alerts", null, 405, "not allowed"),
        Arguments.of("GET", "/api/v1/nothing", null, 404, "no such resource"));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("badRequests")
  void shouldAnswerBadInputWithA4xxAndAMessage(
      String method, String path, String body, int status, String message) throws Exception {
    HttpResponse<String> r = call(method, path, body);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).startsWith("{\"error\":").contains(message);
  }

  @Test
  void shouldCreateListAndExpireASilence() throws Exception {
    HttpResponse<String> created =
        call(
            "POST",
            "/api/v1/silences",
            "{\"matchers\":[\"host=~web-.*\",\"severity!=critical\"],\"duration\":\"2h\","
                + "\"createdBy\":\"alice\",\"comment\":\"deploy\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = silencer.all().get(0).id();
    assertThat(silencer.all().get(0).endsAtMillis()).isEqualTo(Notifications.T0 + 7_200_000);
    assertThat(call("GET", "/api/v1/silences", null).body()).contains(id).contains("\"active\"");

    clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(call("DELETE", "/api/v1/silences/" + id, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/silences", null).body()).contains("\"expired\"");
  }

  @Test
  void shouldListAlertsAndAcknowledge() throws Exception {
    assertThat(call("GET", "/api/v1/alerts?state=firing", null).body()).contains("fp-host-1");
    assertThat(call("GET", "/api/v1/alerts?state=resolved", null).body()).isEqualTo("[]");
    assertThat(call("GET", "/api/v1/alerts/fp-host-1", null).body()).contains("\"history\":[]");
    HttpResponse<String> ack = call("POST", "/api/v1/alerts/fp-host-1/ack", "{\"by\":\"bob\"}");
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(call("GET", "/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAllowOnlyTheDashboardOriginCrossOrigin() throws Exception {
    HttpResponse<String> fromDashboard =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/api/v1/alerts"))
                    .header("Origin", "http://127.0.0.1:8080")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> fromElsewhere =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/api/v1/alerts"))
                    .header("Origin", "http://evil.example")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(fromDashboard.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://127.0.0.1:8080");
    assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(call("OPTIONS", "/api/v1/silences", null).statusCode()).isEqualTo(204);
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
