package io.tickwatch.dashboard.http;

import io.tickwatch.dashboard.state.Resolution;
import io.tickwatch.dashboard.state.SeriesKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of {@code GET /api/v1/series}, validated; every problem is a 400.
 *
 * @param key the series ({@code host=fleet} for the fleet)
 * @param resolution resolution
 * @param fromMillis start (inclusive), epoch milliseconds
 * @param toMillis end (exclusive), epoch milliseconds
 */
public record SeriesParams(SeriesKey key, Resolution resolution, long fromMillis, long toMillis) {

  /** Points per answer at most. */
  public static final long MAX_POINTS = 100_000;

  /**
   * Parses query parameters: {@code host}, {@code metric} (required), {@code resolution} (default
   * 1s), {@code fromMillis} / {@code toMillis} (default: the points kept in memory, up to now),
   * {@code labels} ({@code k=v,k2=v2}).
   *
   * @throws ApiException 400 with the reason
   */
  public static SeriesParams parse(Map<String, String> params, long nowMillis) {
    String host = required(params, "host");
    String metric = required(params, "metric");
    Resolution resolution;
    try {
      resolution = Resolution.parse(params.getOrDefault("resolution", "1s"));
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, e.getMessage());
    }
    long to = millis(params, "toMillis", nowMillis + resolution.millis());
    long from = millis(params, "fromMillis", to - resolution.millis() * resolution.capacity());
    if (from >= to) {
      throw new ApiException(400, "fromMillis (" + from + ") must be before toMillis (" + to + ")");
    }
    if ((to - from) / resolution.millis() > MAX_POINTS) {
      throw new ApiException(
          400,
          "range too long: at most "
              + MAX_POINTS
              + " points of "
              + resolution.label()
              + " (use a coarser resolution)");
    }
    return new SeriesParams(
        new SeriesKey(host, metric, labels(params.get("labels"))), resolution, from, to);
  }

  private static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new ApiException(
          400, "missing parameter '" + name + "'" + (name.equals("host") ? " (or fleet)" : ""));
    }
    if (value.length() > 500) {
      throw new ApiException(400, "parameter '" + name + "' is too long");
    }
    return value.trim();
  }

  private static long millis(Map<String, String> params, String name, long def) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return def;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed < 0) {
        throw new ApiException(400, name + " must be epoch milliseconds >= 0, got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ApiException(400, name + " must be epoch milliseconds, got '" + value + "'");
    }
  }

  private static TreeMap<String, String> labels(String text) {
    TreeMap<String, String> labels = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return labels;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ApiException(400, "labels must be k=v[,k2=v2], got '" + pair.trim() + "'");
      }
      labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return labels;
  }
}
