package io.tickwatch.alerting.notify.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.HttpJsonPoster;
import io.tickwatch.alerting.testing.Await;
import io.tickwatch.alerting.testing.Notifications;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts to a real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager} package, binary
 * {@code prometheus-alertmanager} or {@code alertmanager} on the PATH) started as a child process
 * on a free local port, then reads the alert back through its API. Skipped when the binary is
 * absent.
 */
class RealAlertmanagerIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Process process;
  private URI baseUrl;

  @BeforeEach
  void startAlertmanager() throws Exception {
    Optional<Path> binary = findBinary();
    assumeTrue(binary.isPresent(), "alertmanager is not installed; skipping");
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    baseUrl = URI.create("http://127.0.0.1:" + port);
    process =
        new ProcessBuilder(
                binary.get().toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    Await.until("Alertmanager ready", WAIT, () -> status(baseUrl + "/-/ready") == 200);
  }

  @AfterEach
  void stopAlertmanager() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void shouldPostAlertsThatAlertmanagerAccepts() throws Exception {
    AlertmanagerNotifier notifier =
        new AlertmanagerNotifier(
            "am", baseUrl, new HttpJsonPoster(Duration.ofSeconds(5), InstantSource.system()));

    DeliveryResult result = notifier.deliver(Notifications.firing("am"));

    assertThat(result.delivered()).as(result.detail()).isTrue();
    Await.until(
        "the alert listed by Alertmanager",
        WAIT,
        () -> body(baseUrl + "/api/v2/alerts").contains("\"fingerprint\":\"fp-host-1\""));
    assertThat(body(baseUrl + "/api/v2/alerts")).contains("tick.duration:zscore");
  }

  private static Optional<Path> findBinary() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .flatMap(d -> Stream.of(Path.of(d, "alertmanager"), Path.of(d, "prometheus-alertmanager")))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static int status(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static String body(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
