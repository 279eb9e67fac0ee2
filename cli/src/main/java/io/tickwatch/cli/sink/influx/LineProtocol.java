package io.tickwatch.cli.sink.influx;

import java.util.Map;

/**
 * Encodes {@link InfluxPoint}s as InfluxDB line protocol ({@code measurement,tag=v field=1.5,n=3i
 * 1700000000000}), the format of InfluxDB 1.x {@code /write} and 2.x {@code /api/v2/write}.
 *
 * <p>Escaping: commas and spaces in the measurement; commas, equals signs and spaces in tag keys,
 * tag values and field keys; double quotes and backslashes inside string field values. Line
 * protocol cannot carry line breaks in names or values: {@code \n} and {@code \r} become spaces.
 * Tags with an empty key or value are left out (InfluxDB rejects them). Float fields that are NaN
 * or infinite are left out ({@code NaN} means "no value" on Tickwatch topics, and InfluxDB has no
 * such float); a point left without any field is not written at all. Integers carry the {@code i}
 * suffix, so they stay integers in InfluxDB. Stateless and thread-safe.
 */
public final class LineProtocol {

  private LineProtocol() {}

  /**
   * Appends one line (with a trailing {@code \n}) for the point.
   *
   * @return false, with nothing appended, when the point has no writable field
   */
  public static boolean append(StringBuilder out, InfluxPoint point) {
    int start = out.length();
    escape(out, point.measurement(), false);
    for (Map.Entry<String, String> tag : point.tags().entrySet()) {
      if (tag.getKey() == null
          || tag.getKey().isEmpty()
          || tag.getValue() == null
          || tag.getValue().isEmpty()) {
        continue;
      }
      out.append(',');
      escape(out, tag.getKey(), true);
      out.append('=');
      escape(out, tag.getValue(), true);
    }
    char separator = ' ';
    boolean anyField = false;
    for (Map.Entry<String, Object> field : point.fields().entrySet()) {
      Object value = field.getValue();
      if (field.getKey() == null || field.getKey().isEmpty() || !writable(value)) {
        continue;
      }
      out.append(separator);
      separator = ',';
      anyField = true;
      escape(out, field.getKey(), true);
      out.append('=');
      appendValue(out, value);
    }
    if (!anyField) {
      out.setLength(start);
      return false;
    }
    out.append(' ').append(point.timestampMillis()).append('\n');
    return true;
  }

  /** The line of one point (without the trailing newline), or empty when it has no field. */
  public static String line(InfluxPoint point) {
    StringBuilder out = new StringBuilder();
    return append(out, point) ? out.substring(0, out.length() - 1) : "";
  }

  private static boolean writable(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f);
    }
    return value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Boolean
        || value instanceof String;
  }

  private static void appendValue(StringBuilder out, Object value) {
    if (value instanceof Double || value instanceof Float) {
      out.append(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      out.append(n.longValue()).append('i');
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else {
      String s = (String) value;
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"', '\\' -> out.append('\\').append(c);
          case '\n', '\r' -> out.append(' ');
          default -> out.append(c);
        }
      }
      out.append('"');
    }
  }

  /** Measurements escape commas and spaces; keys and tag values also escape equals signs. */
  private static void escape(StringBuilder out, String text, boolean escapeEquals) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ',', ' ' -> out.append('\\').append(c);
        case '=' -> {
          if (escapeEquals) {
            out.append('\\');
          }
          out.append(c);
        }
        case '\n', '\r' -> out.append("\\ ");
        default -> out.append(c);
      }
    }
  }
}
