package io.tickwatch.cli.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfluxHttpWriterTest {

  private HttpServer server;
  private final AtomicInteger status = new AtomicInteger(204);
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " auth="
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " body="
                  + body);
          byte[] answer =
              status.get() == 204
                  ? new byte[0]
                  : ("{\"error\":\"answer " + status.get() + "\"}")
                      .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), answer.length == 0 ? -1 : answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static InfluxHttpWriter writer(InfluxTarget target) {
    return new InfluxHttpWriter(target, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @Test
  void shouldPostLinesToTheV1WriteEndpointWithMillisecondPrecision() throws Exception {
    writer(InfluxTarget.v1(url(), "tick watch", "rp1", null)).write("m v=1i 5\n");

    assertThat(requests)
        .containsExactly("POST /write?db=tick+watch&precision=ms&rp=rp1 auth=null body=m v=1i 5\n");
  }

  @Test
  void shouldPostToTheV2WriteEndpointWithAToken() throws Exception {
    writer(InfluxTarget.v2(url() + "/", "acme", "stats", "s3cret")).write("m v=1i 5\n");

    assertThat(requests)
        .containsExactly(
            "POST /api/v2/write?org=acme&bucket=stats&precision=ms auth=Token s3cret body=m v=1i 5\n");
  }

  @Test
  void shouldReportClientErrorsAsNotRetryableWithTheBody() {
    status.set(400);

    assertThatThrownBy(() -> writer(InfluxTarget.v1(url(), "db", null, null)).write("x\n"))
        .isInstanceOfSatisfying(
            InfluxWriteException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.retryable()).isFalse();
              assertThat(e.body()).isEqualTo("{\"error\":\"answer 400\"}");
            });
  }

  @Test
  void shouldReportServerErrorsAsRetryable() {
    status.set(503);

    assertThatThrownBy(() -> writer(InfluxTarget.v1(url(), "db", null, null)).write("x\n"))
        .isInstanceOfSatisfying(
            InfluxWriteException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void shouldReportAnUnreachableServerAsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                writer(InfluxTarget.v1("http://127.0.0.1:" + closedPort, "db", null, null))
                    .write("x\n"))
        .isInstanceOfSatisfying(
            InfluxWriteException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.retryable()).isTrue();
            });
  }

  @Test
  void shouldRequireADatabaseOrOrgAndBucket() {
    assertThatThrownBy(() -> InfluxTarget.v1(url(), " ", null, null))
        .hasMessageContaining("--database");
    assertThatThrownBy(() -> InfluxTarget.v2(url(), "org", "bucket", null))
        .hasMessageContaining("token");
    assertThat(InfluxTarget.v2(url(), "o", "b", "secret").toString()).doesNotContain("secret");
  }
}
