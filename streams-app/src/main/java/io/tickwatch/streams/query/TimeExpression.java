package io.tickwatch.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points in time as people type them, shared by the query API and the command line: {@code now}, a
 * relative offset from now ({@code -15m}, {@code now-2h}, {@code -90s}, {@code -1d}), an ISO-8601
 * instant ({@code 2026-11-27T10:00:00Z}) or epoch milliseconds ({@code 1795000000000}).
 */
public final class TimeExpression {

  private static final Pattern RELATIVE =
      Pattern.compile("(?:now)?\\s*-\\s*(\\d+)\\s*(ms|s|m|h|d)");

  private TimeExpression() {}

  /**
   * Parses a time expression relative to {@code now}.
   *
   * @throws IllegalArgumentException with a one-line reason when the text is none of the forms
   */
  public static Instant parse(String text, Instant now) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a time is required (now, -15m, ISO-8601, epoch ms)");
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("now")) {
      return now;
    }
    Matcher relative = RELATIVE.matcher(t);
    if (relative.matches()) {
      long amount = Long.parseLong(relative.group(1));
      Duration offset =
          switch (relative.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      return now.minus(offset);
    }
    if (t.matches("\\d{1,16}")) {
      return Instant.ofEpochMilli(Long.parseLong(t));
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time (expected now, -15m, now-2h, 2026-11-27T10:00:00Z or epoch"
              + " milliseconds)");
    }
  }
}
