package io.tickwatch.cli.sink.influx;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts line protocol to an {@link InfluxTarget} with {@link HttpClient}: one request per {@link
 * #write}, no retries (see {@link RetryingLineWriter}). 2xx is success (InfluxDB answers 204).
 * Thread-safe.
 */
public final class InfluxHttpWriter implements LineWriter {

  private static final int MAX_BODY_CHARS = 2000;

  private final InfluxTarget target;
  private final HttpClient client;
  private final Duration requestTimeout;

  public InfluxHttpWriter(InfluxTarget target, Duration connectTimeout, Duration requestTimeout) {
    this.target = target;
    this.requestTimeout = requestTimeout;
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  @Override
  public void write(String lines) throws InfluxWriteException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.writeUri())
            .timeout(requestTimeout)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8));
    target.authorization().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new InfluxWriteException(
          "cannot reach InfluxDB at " + target.writeUri().getAuthority() + ": " + e, 0, "", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfluxWriteException("interrupted while writing to InfluxDB", 0, "", e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String body = response.body() == null ? "" : response.body().strip();
    if (body.length() > MAX_BODY_CHARS) {
      body = body.substring(0, MAX_BODY_CHARS) + "...";
    }
    throw new InfluxWriteException("InfluxDB answered " + status + ": " + body, status, body, null);
  }
}
