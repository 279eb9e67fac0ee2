package io.tickwatch.cli.sink.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A real InfluxDB 1.x ({@code /usr/bin/influxd}, Debian's {@code influxdb} package) as a child
 * process: data, meta and WAL in a temporary directory, HTTP on {@code 127.0.0.1:<free port>}, the
 * RPC listener on another loopback port, usage reporting and every other service off.
 */
final class InfluxdProcess implements AutoCloseable {

  static final Path INFLUXD = Path.of("/usr/bin/influxd");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final int httpPort;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();

  private InfluxdProcess(Path dir, int httpPort, Process process) {
    this.dir = dir;
    this.httpPort = httpPort;
    this.process = process;
  }

  static boolean installed() {
    return Files.isExecutable(INFLUXD);
  }

  static InfluxdProcess start() throws IOException {
    Path dir = Files.createTempDirectory("tickwatch-influxd");
    int httpPort = freePort();
    int rpcPort = freePort();
    Path config = dir.resolve("influxdb.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "reporting-disabled = true",
            "bind-address = \"127.0.0.1:" + rpcPort + "\"",
            "[meta]",
            "  dir = \"" + dir.resolve("meta") + "\"",
            "[data]",
            "  dir = \"" + dir.resolve("data") + "\"",
            "  wal-dir = \"" + dir.resolve("wal") + "\"",
            "  query-log-enabled = false",
            "[retention]",
            "  enabled = false",
            "[shard-precreation]",
            "  enabled = false",
            "[monitor]",
            "  store-enabled = false",
            "[http]",
            "  enabled = true",
            "  bind-address = \"127.0.0.1:" + httpPort + "\"",
            "  log-enabled = false",
            "[subscriber]",
            "  enabled = false",
            "[continuous_queries]",
            "  enabled = false",
            ""));
    Process process =
        new ProcessBuilder(INFLUXD.toString(), "run", "-config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("influxd.log").toFile())
            .start();
    InfluxdProcess influx = new InfluxdProcess(dir, httpPort, process);
    try {
      influx.awaitPing();
    } catch (RuntimeException e) {
      influx.close();
      throw e;
    }
    return influx;
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** {@code POST /query q=...} (statements that change something, e.g. CREATE DATABASE). */
  JsonNode execute(String statement) {
    return send(
        HttpRequest.newBuilder(URI.create(url() + "/query"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("q=" + encode(statement)))
            .build());
  }

  /** {@code GET /query?db=...&epoch=ms&q=...}: the first result of the statement. */
  JsonNode query(String database, String statement) {
    return send(HttpRequest.newBuilder(
                URI.create(
                    url() + "/query?db=" + encode(database) + "&epoch=ms&q=" + encode(statement)))
            .GET()
            .build())
        .path("results")
        .path(0);
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "InfluxDB answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitPing() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).GET().build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "influxd exited with " + process.exitValue() + ": " + log());
      }
      try {
        if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("influxd did not answer /ping within 60 s: " + log());
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private String log() {
    try {
      String log = Files.readString(dir.resolve("influxd.log"));
      return log.substring(Math.max(0, log.length() - 3000));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException ignored) {
        // temporary directory; best effort
      }
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
