package io.tickwatch.alerting.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on 127.0.0.1 and an ephemeral port (JDK HttpServer). Answers each request
 * with the next scripted response ({@link #otherwise(int)}, 200 by default, when the script is
 * empty); {@link #hang()} makes a request block until the receiver closes, to provoke client
 * timeouts. Records every request.
 */
public final class TestReceiver implements AutoCloseable {
  /** A recorded request. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, String body, int status) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private record Response(int status, String retryAfter, boolean hang) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Queue<Response> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile int defaultStatus = 200;

  public TestReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Base URL, for example {@code http://127.0.0.1:43121}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public URI url(String path) {
    return URI.create(baseUrl() + path);
  }

  /** Status for requests beyond the script (200 unless changed). */
  public TestReceiver otherwise(int status) {
    defaultStatus = status;
    return this;
  }

  public TestReceiver respond(int status) {
    script.add(new Response(status, null, false));
    return this;
  }

  public TestReceiver respond(int status, String retryAfter) {
    script.add(new Response(status, retryAfter, false));
    return this;
  }

  /** The next request gets no answer until the receiver closes. */
  public TestReceiver hang() {
    script.add(new Response(0, null, true));
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Response r = script.poll();
    if (r == null) {
      r = new Response(defaultStatus, null, false);
    }
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body,
            r.status()));
    if (r.hang()) {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (r.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", r.retryAfter());
    }
    byte[] answer = ("{\"status\":" + r.status() + "}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(r.status(), answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
