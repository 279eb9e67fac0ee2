package io.tickwatch.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns the query parameters of {@code GET /api/v1/series} into a {@link SeriesQuery}, or an {@link
 * IllegalArgumentException} whose message is the 400 answer.
 *
 * <p>Parameters: {@code host} (required; {@code *} for fleet-wide), {@code metric} (required),
 * {@code labels} ({@code k=v,k2=v2}, optional), {@code window} (one of the topology's sizes,
 * default the smallest), {@code from} / {@code to} (see {@link TimeExpression}; default the last
 * hour).
 */
public final class SeriesRequests {

  /** Default range when {@code from} is absent: the hour before {@code to}. */
  public static final Duration DEFAULT_RANGE = Duration.ofHours(1);

  /** At most this many windows per request. */
  public static final long MAX_POINTS = 100_000;

  private SeriesRequests() {}

  public static SeriesQuery parse(
      Map<String, String> params, List<Duration> windowSizes, Instant now) {
    String host = required(params, "host");
    String metric = required(params, "metric");
    SortedMap<String, String> labels = labels(params.get("labels"));
    Duration window = windowSizes.get(0);
    String windowText = params.get("window");
    if (windowText != null && !windowText.isBlank()) {
      window = window(windowText, windowSizes);
    }
    Instant to = optionalTime(params, "to", now);
    Instant from =
        params.get("from") == null || params.get("from").isBlank()
            ? to.minus(DEFAULT_RANGE)
            : time(params, "from", now);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
    }
    long points = (to.toEpochMilli() - from.toEpochMilli()) / window.toMillis();
    if (points > MAX_POINTS) {
      throw new IllegalArgumentException(
          "range too long: "
              + points
              + " windows of "
              + label(window)
              + ", at most "
              + MAX_POINTS
              + " (use a larger window)");
    }
    return new SeriesQuery(host, metric, labels, window, from.toEpochMilli(), to.toEpochMilli());
  }

  /** A window size as {@code 1s}, {@code 10s}, {@code 1m}, {@code 1h}, {@code 500ms} or ISO. */
  public static Duration window(String text, List<Duration> windowSizes) {
    Duration parsed = null;
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        parsed = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        parsed = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (!t.isEmpty()) {
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        parsed =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(amount);
              case 'm' -> Duration.ofMinutes(amount);
              case 'h' -> Duration.ofHours(amount);
              default -> null;
            };
      }
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (parsed == null || !windowSizes.contains(parsed)) {
      throw new IllegalArgumentException(
          "window '"
              + text
              + "' is not one of "
              + windowSizes.stream().map(SeriesRequests::label).collect(Collectors.joining(", ")));
    }
    return parsed;
  }

  /** A short label of a window size: 1s, 10s, 1m, 1h, 500ms. */
  public static String label(Duration size) {
    long millis = size.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  static SortedMap<String, String> labels(String text) {
    SortedMap<String, String> labels = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return labels;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("labels must be k=v[,k2=v2], got '" + pair.trim() + "'");
      }
      labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return labels;
  }

  private static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "missing parameter '" + name + "'" + (name.equals("host") ? " (use * for fleet)" : ""));
    }
    return value.trim();
  }

  private static Instant optionalTime(Map<String, String> params, String name, Instant now) {
    String value = params.get(name);
    return value == null || value.isBlank() ? now : time(params, name, now);
  }

  private static Instant time(Map<String, String> params, String name, Instant now) {
    try {
      return TimeExpression.parse(params.get(name), now);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }
}
