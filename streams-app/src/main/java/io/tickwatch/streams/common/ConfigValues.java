package io.tickwatch.streams.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads typed configuration values from a key lookup (environment, properties, CLI options) and
 * collects every problem, so that a configuration class reports all of them in one exception. A
 * missing or blank value takes the fallback; an unparsable one adds a problem {@code "<key>: ..."}
 * to {@link #problems()} and also takes the fallback.
 */
public final class ConfigValues {

  private final Function<String, String> lookup;
  private final List<String> problems = new ArrayList<>();

  public ConfigValues(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /** The problems found so far; callers append their own validation problems to this list. */
  public List<String> problems() {
    return problems;
  }

  /** The value of {@code key} as given (untrimmed), or null when it is missing or blank. */
  public String raw(String key) {
    String value = lookup.apply(key);
    return value == null || value.isBlank() ? null : value;
  }

  /** The trimmed value of {@code key}, or {@code fallback}. */
  public String text(String key, String fallback) {
    String value = raw(key);
    return value == null ? fallback : value.trim();
  }

  /** The value of {@code key} as an {@code int}, or {@code fallback}. */
  public int integer(String key, int fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      problems.add(key + ": '" + value + "' is not an integer");
      return fallback;
    }
  }

  /** The value of {@code key} as a {@code double}, or {@code fallback}. */
  public double decimal(String key, double fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      problems.add(key + ": not a number: '" + value + "'");
      return fallback;
    }
  }

  /** The value of {@code key} as a file system path, or {@code fallback}. */
  public Path path(String key, Path fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Path.of(value.trim());
    } catch (InvalidPathException e) {
      problems.add(key + ": '" + value + "' is not a path");
      return fallback;
    }
  }

  /** The value of {@code key} as a duration (see {@link #toDuration}), or {@code fallback}. */
  public Duration duration(String key, Duration fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    Duration d = toDuration(key, value);
    return d == null ? fallback : d;
  }

  /**
   * Parses {@code text}, a value of {@code key}: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h},
   * {@code 1d} or ISO-8601 ({@code PT2S}); null, with a problem added, when it is none of these.
   */
  public Duration toDuration(String key, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long amount = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(amount);
        case 'm':
          return Duration.ofMinutes(amount);
        case 'h':
          return Duration.ofHours(amount);
        case 'd':
          return Duration.ofDays(amount);
        default:
          break;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    problems.add(key + ": '" + text + "' is not a duration (500ms, 2s, 1m, 1h, PT2S)");
    return null;
  }

  /**
   * The value of {@code key} as epoch milliseconds (given as such or as an ISO-8601 instant), or
   * {@code fallback}.
   */
  public long epochMillis(String key, long fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    String t = value.trim();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      try {
        return Instant.parse(t).toEpochMilli();
      } catch (DateTimeParseException e2) {
        problems.add(
            key + ": '" + value + "' is neither epoch milliseconds nor an ISO-8601 instant");
        return fallback;
      }
    }
  }

  /**
   * Throws when {@code problems} is not empty.
   *
   * @param what the configuration's name in the message, {@code invalid <what> configuration: ...}
   * @throws IllegalArgumentException listing every problem, separated by {@code "; "}
   */
  public static void requireNone(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid " + what + " configuration: " + String.join("; ", problems));
    }
  }
}
