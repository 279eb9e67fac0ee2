package io.tickwatch.dashboard.metrics;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format (version 0.0.4). Call {@link #family} once per
 * metric name, then {@link #sample} for each of its series. Not thread-safe.
 */
public final class PrometheusText {

  /** Content type of the format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final StringBuilder out = new StringBuilder(4096);

  /**
   * Starts a metric family.
   *
   * @param type {@code gauge} or {@code counter}
   * @throws IllegalArgumentException for an invalid metric name
   */
  public PrometheusText family(String name, String type, String help) {
    requireName(name);
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /**
   * One sample of the current family.
   *
   * @param labels label names (validated) to values (escaped)
   */
  public PrometheusText sample(String name, Map<String, String> labels, double value) {
    requireName(name);
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, String> e : labels.entrySet()) {
        if (!LABEL.matcher(e.getKey()).matches() || e.getKey().startsWith("__")) {
          throw new IllegalArgumentException("invalid label name: " + e.getKey());
        }
        if (!first) {
          out.append(',');
        }
        out.append(e.getKey()).append("=\"").append(escapeLabelValue(e.getValue())).append('"');
        first = false;
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
    return this;
  }

  /** The text written so far. */
  @Override
  public String toString() {
    return out.toString();
  }

  /** Escapes a label value: backslash, double quote and line feed. */
  public static String escapeLabelValue(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Escapes help text: backslash and line feed. */
  public static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** A sample value: {@code NaN}, {@code +Inf}, {@code -Inf}, integers without a fraction. */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static void requireName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid metric name: " + name);
    }
  }
}
