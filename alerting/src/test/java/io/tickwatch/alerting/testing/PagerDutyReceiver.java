package io.tickwatch.alerting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for PagerDuty's Events API v2 ({@code POST /v2/enqueue}) that keeps incidents
 * the way PagerDuty does: a {@code trigger} opens an incident for its {@code dedup_key} unless one
 * is open (then it is de-duplicated), {@code resolve} closes it, a later trigger opens a new one.
 * Answers can be scripted: error statuses (the event is then not applied, as with PagerDuty's 429
 * and 5xx) and a "swallow" (the event is applied but the answer held back until {@link
 * #releaseSwallowed()}, as when the sender dies after PagerDuty accepted the event).
 */
public final class PagerDutyReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One request: the event action, its dedup key, the status answered (0 when swallowed) and the
   * body.
   */
  public record Event(String action, String dedupKey, int status, String body) {}

  private record Scripted(int status, String retryAfter, boolean swallow) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
  private final List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Boolean> open = new ConcurrentHashMap<>();
  private final AtomicInteger incidentsOpened = new AtomicInteger();
  private final CountDownLatch swallowReleased = new CountDownLatch(1);

  public PagerDutyReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.createContext("/v2/enqueue", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The events URL, for example {@code http://127.0.0.1:43121/v2/enqueue}. */
  public URI eventsUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue");
  }

  /** The next request is answered {@code status} (with {@code Retry-After} when not null). */
  public PagerDutyReceiver fail(int status, String retryAfter) {
    script.add(new Scripted(status, retryAfter, false));
    return this;
  }

  /** The next request is applied, but its answer is held back until {@link #releaseSwallowed()}. */
  public PagerDutyReceiver swallow() {
    script.add(new Scripted(202, null, true));
    return this;
  }

  public void releaseSwallowed() {
    swallowReleased.countDown();
  }

  /** Every request so far. */
  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Dedup keys of the incidents open now. */
  public List<String> openIncidents() {
    return open.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }

  /** Incidents opened so far (a de-duplicated trigger opens none). */
  public int incidentsOpened() {
    return incidentsOpened.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode body = JSON.readTree(text);
    String action = body.path("event_action").asText();
    String key = body.path("dedup_key").asText();
    Scripted answer = script.poll();
    if (answer == null) {
      answer = new Scripted(202, null, false);
    }
    if (answer.status() < 300) {
      apply(action, key);
    }
    events.add(new Event(action, key, answer.swallow() ? 0 : answer.status(), text));
    if (answer.swallow()) {
      try {
        swallowReleased.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
    }
    byte[] out =
        (answer.status() < 300
                ? "{\"status\":\"success\",\"dedup_key\":\"" + key + "\"}"
                : "{\"status\":\"error\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), out.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }

  private synchronized void apply(String action, String key) {
    switch (action) {
      case "trigger" -> {
        if (!Boolean.TRUE.equals(open.get(key))) {
          open.put(key, true);
          incidentsOpened.incrementAndGet();
        }
      }
      case "resolve" -> open.put(key, false);
      default -> {
        // acknowledge: the incident stays open
      }
    }
  }

  @Override
  public void close() {
    swallowReleased.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
