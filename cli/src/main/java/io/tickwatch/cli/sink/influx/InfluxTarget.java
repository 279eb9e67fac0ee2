package io.tickwatch.cli.sink.influx;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where and how to write: the write endpoint (with {@code precision=ms}) and the optional {@code
 * Authorization} header.
 *
 * @param writeUri full write URL
 * @param authorization value of the {@code Authorization} header, if any (never logged)
 */
public record InfluxTarget(URI writeUri, Optional<String> authorization) {

  /**
   * InfluxDB 1.x: {@code <url>/write?db=<database>&precision=ms[&rp=<retentionPolicy>]}; a token
   * (1.8+ {@code username:password}, or a 2.x token on the 1.x compatibility API) is sent as {@code
   * Authorization: Token <token>}.
   */
  public static InfluxTarget v1(String url, String database, String retentionPolicy, String token) {
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException("--database is required for the InfluxDB 1.x API");
    }
    StringBuilder uri = new StringBuilder(base(url)).append("/write?db=").append(encode(database));
    uri.append("&precision=ms");
    if (retentionPolicy != null && !retentionPolicy.isBlank()) {
      uri.append("&rp=").append(encode(retentionPolicy));
    }
    return new InfluxTarget(URI.create(uri.toString()), authorization(token));
  }

  /**
   * InfluxDB 2.x: {@code <url>/api/v2/write?org=<org>&bucket=<bucket>&precision=ms} with {@code
   * Authorization: Token <token>}.
   */
  public static InfluxTarget v2(String url, String org, String bucket, String token) {
    if (org == null || org.isBlank() || bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("--org and --bucket are required for the InfluxDB 2 API");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a token is required for the InfluxDB 2 API");
    }
    String uri =
        base(url)
            + "/api/v2/write?org="
            + encode(org)
            + "&bucket="
            + encode(bucket)
            + "&precision=ms";
    return new InfluxTarget(URI.create(uri), authorization(token));
  }

  private static String base(String url) {
    if (url == null || !url.matches("https?://[^\\s?#]+")) {
      throw new IllegalArgumentException("--url must be an http(s) URL, was '" + url + "'");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Optional<String> authorization(String token) {
    return token == null || token.isBlank() ? Optional.empty() : Optional.of("Token " + token);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "InfluxTarget[" + writeUri + (authorization.isPresent() ? ", token" : "") + "]";
  }
}
