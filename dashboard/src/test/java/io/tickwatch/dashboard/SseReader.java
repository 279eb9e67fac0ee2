package io.tickwatch.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads an SSE stream on a daemon thread into a list of (event, data) pairs. */
public final class SseReader implements AutoCloseable {

  /** One event. */
  public record Event(String name, String data) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile InputStream body;
  private volatile int status;

  public SseReader(HttpClient client, String url) throws Exception {
    this(client, url, Map.of());
  }

  /** Opens the stream with extra request headers (credentials). */
  public SseReader(HttpClient client, String url, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    status = response.statusCode();
    body = response.body();
    thread = new Thread(this::read, "sse-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void read() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(name, data.toString()));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (Exception e) {
      // stream closed
    }
  }

  public int status() {
    return status;
  }

  public List<Event> events() {
    return new ArrayList<>(events);
  }

  public List<Event> events(String name) {
    return events.stream().filter(e -> e.name().equals(name)).toList();
  }

  public List<String> comments() {
    return new ArrayList<>(comments);
  }

  @Override
  public void close() throws Exception {
    body.close();
  }
}
