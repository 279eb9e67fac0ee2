package io.tickwatch.dashboard.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Asks an upstream's {@code GET /health} at most once per {@code cacheFor}; answers {@code UP} or
 * the problem in a few words. Thread-safe.
 */
public final class HealthProbe {

  private final String url;
  private final HttpClient client;
  private final Duration timeout;
  private final Duration cacheFor;
  private final InstantSource clock;
  private long checkedAtMillis = Long.MIN_VALUE;
  private String last = "not checked yet";

  /**
   * @param baseUrl the upstream's base URL
   */
  public HealthProbe(String baseUrl, Duration timeout, Duration cacheFor, InstantSource clock) {
    this.url = baseUrl + "/health";
    this.timeout = timeout;
    this.cacheFor = cacheFor;
    this.clock = clock;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** {@code UP}, or what is wrong (for {@code /health}). */
  public synchronized String status() {
    long now = clock.millis();
    if (checkedAtMillis != Long.MIN_VALUE && now - checkedAtMillis < cacheFor.toMillis()) {
      return last;
    }
    checkedAtMillis = now;
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      last = response.statusCode() == 200 ? "UP" : url + " answered " + response.statusCode();
    } catch (IOException e) {
      last = url + " unreachable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      last = "interrupted";
    }
    return last;
  }
}
