package io.tickwatch.dashboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Forwards acknowledgements and silences to the alerting service's HTTP API ({@code
 * docs/ALERTING.md}). Thread-safe.
 */
public final class AlertingClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient client;
  private final Duration timeout;

  /**
   * @param baseUrl for example {@code http://127.0.0.1:8083}
   */
  public AlertingClient(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** {@code POST /api/v1/alerts/{fingerprint}/ack} with {@code {"by","comment"}}. */
  public JsonNode acknowledge(String fingerprint, String by, String comment)
      throws UpstreamException {
    var body = JSON.createObjectNode().put("by", by).put("comment", comment);
    return post(
        "/api/v1/alerts/" + URLEncoder.encode(fingerprint, StandardCharsets.UTF_8) + "/ack",
        body.toString());
  }

  /**
   * {@code POST /api/v1/silences}.
   *
   * @param matchers alerting matchers such as {@code host=host-1}
   */
  public JsonNode silence(
      Iterable<String> matchers, long durationMinutes, String createdBy, String comment)
      throws UpstreamException {
    var body = JSON.createObjectNode();
    var array = body.putArray("matchers");
    matchers.forEach(array::add);
    body.put("duration", durationMinutes + "m");
    body.put("createdBy", createdBy);
    body.put("comment", comment);
    return post("/api/v1/silences", body.toString());
  }

  private JsonNode post(String path, String json) throws UpstreamException {
    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .timeout(timeout)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UpstreamException(502, "alerting service " + baseUrl + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(503, "interrupted");
    }
    JsonNode node;
    try {
      node = JSON.readTree(response.body());
    } catch (IOException e) {
      node = JSON.createObjectNode().put("error", response.body());
    }
    int status = response.statusCode();
    if (status >= 300) {
      String message = node.path("error").asText("alerting service answered " + status);
      throw new UpstreamException(status >= 400 && status < 500 ? status : 502, message);
    }
    return node;
  }
}
