package io.tickwatch.alerting.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Posts JSON over HTTP and maps the response to a {@link DeliveryResult}: 2xx delivered; 429 and
 * 5xx retryable (with {@code Retry-After} in seconds or as an HTTP date); any other status
 * rejected; network errors and timeouts retryable. Never puts the URL (which may hold a token) into
 * a result or a log line. Thread-safe.
 */
public final class HttpJsonPoster {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final Duration timeout;
  private final InstantSource clock;

  public HttpJsonPoster(Duration timeout, InstantSource clock) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
    this.clock = clock;
  }

  /** JSON text of a value (maps, lists, strings, numbers). */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable to JSON", e);
    }
  }

  /** Posts the body with {@code Content-Type: application/json} and the extra headers. */
  public DeliveryResult post(URI uri, String body, Map<String, String> headers)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "tickwatch-alerting")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return DeliveryResult.retryable(0, null, "network error: " + e.getClass().getSimpleName());
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered(status);
    }
    String detail = "HTTP " + status + snippet(response.body());
    if (status == 429 || status >= 500) {
      Duration retryAfter =
          response.headers().firstValue("Retry-After").map(this::parseRetryAfter).orElse(null);
      return DeliveryResult.retryable(status, retryAfter, detail);
    }
    return DeliveryResult.rejected(status, detail);
  }

  private Duration parseRetryAfter(String value) {
    String v = value.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        long millis = at.toInstant().toEpochMilli() - clock.millis();
        return Duration.ofMillis(Math.max(0, millis));
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine);
  }
}
