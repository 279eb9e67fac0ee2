package io.tickwatch.dashboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.dashboard.state.Resolution;
import io.tickwatch.dashboard.state.SeriesColumns;
import io.tickwatch.dashboard.state.SeriesKey;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Reads series history from the streams app's query server ({@code GET /api/v1/series}, see {@code
 * io.tickwatch.streams.query.QueryServer}). Thread-safe.
 */
public final class HistoryClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient client;
  private final Duration timeout;

  /**
   * @param baseUrl for example {@code http://127.0.0.1:8082}
   */
  public HistoryClient(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The windows of a series in {@code [fromMillis, toMillis)} at 1 s or 10 s.
   *
   * @throws UpstreamException when the query server fails or is unreachable
   */
  public SeriesColumns fetch(SeriesKey key, Resolution resolution, long fromMillis, long toMillis)
      throws UpstreamException {
    StringJoiner query = new StringJoiner("&");
    query.add("host=" + encode(key.fleet() ? "*" : key.host()));
    query.add("metric=" + encode(key.metric()));
    if (!key.labels().isEmpty()) {
      StringJoiner labels = new StringJoiner(",");
      key.labels().forEach((k, v) -> labels.add(k + "=" + v));
      query.add("labels=" + encode(labels.toString()));
    }
    query.add("window=" + encode(resolution.label()));
    query.add("from=" + fromMillis);
    query.add("to=" + toMillis);
    URI uri = URI.create(baseUrl + "/api/v1/series?" + query);
    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UpstreamException(502, "query server " + baseUrl + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(503, "interrupted");
    }
    if (response.statusCode() != 200) {
      throw new UpstreamException(
          502, "query server answered " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  static SeriesColumns parse(String body) throws UpstreamException {
    try {
      JsonNode points = JSON.readTree(body).path("points");
      TreeMap<Long, double[]> out = new TreeMap<>();
      for (JsonNode p : points) {
        out.put(
            p.path("t").asLong(),
            new double[] {number(p, "mean"), number(p, "p99"), number(p, "max")});
      }
      return SeriesColumns.of(out);
    } catch (IOException e) {
      throw new UpstreamException(502, "unreadable answer of the query server: " + e.getMessage());
    }
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Base URL. */
  public String baseUrl() {
    return baseUrl;
  }
}
