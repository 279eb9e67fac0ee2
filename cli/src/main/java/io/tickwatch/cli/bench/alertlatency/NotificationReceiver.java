package io.tickwatch.cli.bench.alertlatency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tickwatch.schemas.http.JdkHttpServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local webhook receiver (JDK {@link HttpServer} on 127.0.0.1, ephemeral port): notes when the
 * first firing notification of each host ({@code groupLabels.host}) arrived.
 */
final class NotificationReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(2, NotificationReceiver::daemon);
  private final Map<String, Long> firstFiring = new ConcurrentHashMap<>();

  NotificationReceiver(InstantSource clock) throws IOException {
    server = JdkHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          long now = clock.millis();
          try {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if ("firing".equals(body.path("status").asText())) {
              firstFiring.putIfAbsent(body.path("groupLabels").path("host").asText(), now);
            }
            exchange.sendResponseHeaders(200, -1);
          } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "tickwatch-bench-alert-receiver");
    t.setDaemon(true);
    return t;
  }

  /** The receiver's URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/bench";
  }

  /** When the first firing notification for {@code host} arrived, or -1. */
  long notified(String host) {
    return firstFiring.getOrDefault(host, -1L);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
