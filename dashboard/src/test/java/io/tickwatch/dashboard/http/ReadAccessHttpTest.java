package io.tickwatch.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.dashboard.Await;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.dashboard.SseReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads off loopback: a real server on port 0 bound to this machine's own non-loopback IPv4 address
 * (the {@code auto} policy); on a machine without one, bound to 127.0.0.1 with {@code
 * dashboard.read.token=always}, which takes the same code path. Requests without credentials are
 * refused; Bearer, the {@code /?token=} hop and {@code POST /api/v1/session} work; forged cookies
 * do not.
 */
class ReadAccessHttpTest {

  private static final Logger LOG = LoggerFactory.getLogger(ReadAccessHttpTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "read-access-test-token-0123456789";
  private static final String BEARER = "Bearer " + TOKEN;
  private static final List<String> READS =
      List.of(
          "/api/v1/overview",
          "/api/v1/hosts",
          "/api/v1/metrics-catalog",
          "/api/v1/alerts",
          "/api/v1/experiments",
          "/api/v1/profiles",
          "/api/v1/series?host=fleet&metric=tick.duration",
          "/api/v1/stream",
          "/metrics");

  private static DashboardServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws SocketException {
    Map<String, String> config = new HashMap<>();
    config.put(DashboardConfig.PORT, "0");
    config.put(DashboardConfig.TOKEN, TOKEN);
    Optional<String> address = nonLoopbackAddress();
    if (address.isPresent()) {
      config.put(DashboardConfig.HOST, address.get());
      LOG.info("testing read access on the non-loopback address {}", address.get());
    } else {
      config.put(DashboardConfig.READ_TOKEN, "always");
      LOG.info("no non-loopback address: testing read access on 127.0.0.1 with read.token=always");
    }
    server = DashboardServer.create(DashboardConfig.fromMap(config));
    server.start();
    // never follow redirects: the test looks at the login hop itself
    client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Optional<String> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(
            n -> {
              try {
                return n.isUp() && !n.isLoopback();
              } catch (SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .map(InetAddress::getHostAddress)
        .findFirst();
  }

  private static HttpResponse<String> send(String method, String path, String... headers)
      throws Exception {
    return sendBody(method, path, null, headers);
  }

  private static HttpResponse<String> sendBody(
      String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String cookieFrom(HttpResponse<?> response) {
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.split(";", 2)[0];
  }

  private static String loginCookie() throws Exception {
    return cookieFrom(send("GET", "/?token=" + TOKEN));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void shouldApplyTheReadPolicy() {
    assertThat(server.readsNeedToken()).isTrue();
    assertThat(server.browserUrl()).isEqualTo(server.url() + "/?token=" + TOKEN);
  }

  @Test
  void shouldRefuseReadsWithoutCredentials() throws Exception {
    for (String path : READS) {
      var response = send("GET", path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(json(response).path("error").asText()).as(path).contains("access token");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void shouldServeReadsWithABearerToken() throws Exception {
    for (String path : READS) {
      if (path.equals("/api/v1/stream")) {
        continue; // below, with a reader that does not wait for the end of the body
      }
      assertThat(send("GET", path, "Authorization", BEARER).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(send("GET", "/api/v1/overview", "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    var metrics = send("GET", "/metrics", "Authorization", BEARER);
    assertThat(metrics.body()).contains("tickwatch_dashboard_sse_clients");
  }

  @Test
  void shouldNotServeReadsThroughAnotherSpellingOfThePath() throws Exception {
    for (String path :
        List.of(
            "//api/v1/overview",
            "/api//v1/overview",
            "/api/v1/overview/",
            "/API/v1/overview",
            "/%61pi/v1/overview",
            "/api/v1/%6fverview",
            "/js/../api/v1/overview",
            "/api/v1/./overview",
            "//metrics",
            "/%6detrics")) {
      var response = send("GET", path);
      assertThat(response.statusCode()).as(path).isNotEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain("\"hosts\"", "tickwatch_");
    }
    assertThat(send("HEAD", "/api/v1/overview").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldKeepHealthAndThePageOpen() throws Exception {
    assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
    var page = send("GET", "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("login-form");
    assertThat(send("GET", "/app.js").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/favicon.ico").statusCode()).as("no 404 in the console").isEqualTo(204);
    assertThat(send("GET", "/webjars/uplot/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLogInThroughTheTokenQueryAndRedirectWithoutIt() throws Exception {
    var hop = send("GET", "/?token=" + TOKEN);
    assertThat(hop.statusCode()).isEqualTo(303);
    assertThat(hop.headers().firstValue("Location")).hasValue("./");
    String setCookie = hop.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(ReadGuard.COOKIE + "=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/")
        .doesNotContain(TOKEN);
    String cookie = cookieFrom(hop);

    var overview = send("GET", "/api/v1/overview", "Cookie", cookie);
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(json(overview).has("fleet")).isTrue();
    assertThat(send("GET", "/metrics", "Cookie", cookie).statusCode()).isEqualTo(200);
    var session = json(send("GET", "/api/v1/session", "Cookie", cookie));
    assertThat(session.path("required").asBoolean()).isTrue();
    assertThat(session.path("authenticated").asBoolean()).isTrue();
  }

  @Test
  void shouldRedirectAWrongTokenQueryWithoutACookie() throws Exception {
    var hop = send("GET", "/?token=not-the-token-at-all");
    assertThat(hop.statusCode()).isEqualTo(303);
    assertThat(hop.headers().firstValue("Location")).hasValue("./");
    assertThat(hop.headers().firstValue("Set-Cookie")).isEmpty();
    var session = json(send("GET", "/api/v1/session"));
    assertThat(session.path("required").asBoolean()).isTrue();
    assertThat(session.path("authenticated").asBoolean()).isFalse();
  }

  @Test
  void shouldRefuseForgedCookies() throws Exception {
    String real = loginCookie().substring(ReadGuard.COOKIE.length() + 1);
    String flipped = (real.charAt(0) == 'A' ? "B" : "A") + real.substring(1);
    for (String value : List.of("forged", flipped, TOKEN, "")) {
      var response = send("GET", "/api/v1/alerts", "Cookie", ReadGuard.COOKIE + "=" + value);
      assertThat(response.statusCode()).as(value).isEqualTo(401);
    }
  }

  @Test
  void shouldLogInThroughThePageWithJsonAndTheOwnOrigin() throws Exception {
    String body = "{\"token\":\"" + TOKEN + "\"}";
    var ok = sendBody("POST", "/api/v1/session", body, "Content-Type", "application/json");
    assertThat(ok.statusCode()).isEqualTo(204);
    String cookie = cookieFrom(ok);
    assertThat(send("GET", "/api/v1/hosts", "Cookie", cookie).statusCode()).isEqualTo(200);

    var wrong =
        sendBody(
            "POST",
            "/api/v1/session",
            "{\"token\":\"not-the-token-at-all\"}",
            "Content-Type",
            "application/json");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(
            sendBody(
                    "POST",
                    "/api/v1/session",
                    body,
                    "Content-Type",
                    "application/json",
                    "Origin",
                    "http://evil.example")
                .statusCode())
        .isEqualTo(403);
    assertThat(sendBody("POST", "/api/v1/session", body, "Content-Type", "text/plain").statusCode())
        .isEqualTo(415);
    assertThat(
            sendBody("POST", "/api/v1/session", "{}", "Content-Type", "application/json")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void shouldLogOutByClearingTheCookie() throws Exception {
    var out = send("DELETE", "/api/v1/session", "Cookie", loginCookie());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            c -> assertThat(c).startsWith(ReadGuard.COOKIE + "=;").contains("Max-Age=0"));
  }

  @Test
  void shouldKeepControlActionsOnTheBearerToken() throws Exception {
    String shed = "{\"hostId\":\"host-1\",\"fraction\":0.2}";
    var withCookieOnly =
        sendBody(
            "POST",
            "/api/v1/control/shed",
            shed,
            "Content-Type",
            "application/json",
            "Cookie",
            loginCookie());
    assertThat(withCookieOnly.statusCode()).isEqualTo(401);
    assertThat(json(withCookieOnly).path("error").asText())
        .isEqualTo("control actions need the access token: Authorization: Bearer");
  }

  @Test
  void shouldStreamWithTheCookieAndRefuseWithout() throws Exception {
    try (SseReader refused = new SseReader(client, server.url() + "/api/v1/stream")) {
      assertThat(refused.status()).isEqualTo(401);
    }
    try (SseReader stream =
        new SseReader(client, server.url() + "/api/v1/stream", Map.of("Cookie", loginCookie()))) {
      assertThat(stream.status()).isEqualTo(200);
      Await.until("the stream's greeting", () -> stream.comments().contains("connected"));
    }
    try (SseReader stream =
        new SseReader(client, server.url() + "/api/v1/stream", Map.of("Authorization", BEARER))) {
      assertThat(stream.status()).isEqualTo(200);
      Await.until("the stream's greeting", () -> stream.comments().contains("connected"));
    }
  }
}
