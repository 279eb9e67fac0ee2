package io.tickwatch.cli.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses human durations for command-line options: {@code 90s}, {@code 2m}, {@code 1m30s}, {@code
 * 500ms}, {@code 1h}, ISO-8601 ({@code PT1M30S}), a bare number of seconds ({@code 45}), and {@code
 * forever} or {@code 0} for "no limit" (returned as {@link Duration#ZERO}).
 */
public final class DurationParser {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
  private static final Pattern COMPOUND = Pattern.compile("(\\d+(ms|h|m|s))+");

  private DurationParser() {}

  /**
   * @return the duration; {@link Duration#ZERO} means unlimited
   * @throws IllegalArgumentException with a one-line reason for anything else
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("forever") || value.equals("0")) {
      return Duration.ZERO;
    }
    if (value.startsWith("pt") || value.startsWith("p")) {
      try {
        return requireNonNegative(Duration.parse(value.toUpperCase(Locale.ROOT)), text);
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    if (value.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(parseLong(value, text));
    }
    if (!COMPOUND.matcher(value).matches()) {
      throw invalid(text);
    }
    Duration total = Duration.ZERO;
    Matcher matcher = PART.matcher(value);
    while (matcher.find()) {
      long amount = parseLong(matcher.group(1), text);
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> throw invalid(text);
              });
    }
    return total;
  }

  /** Formats elapsed time as {@code mm:ss} (or {@code h:mm:ss} from one hour on). */
  public static String clock(Duration elapsed) {
    long seconds = Math.max(0, elapsed.toSeconds());
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long secs = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
        : String.format(Locale.ROOT, "%02d:%02d", minutes, secs);
  }

  private static long parseLong(String digits, String original) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw invalid(original);
    }
  }

  private static Duration requireNonNegative(Duration duration, String original) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: '" + original + "'");
    }
    return duration;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid duration '" + text + "' (use e.g. 90s, 2m, 1m30s, 500ms, PT90S, or 'forever')");
  }
}
