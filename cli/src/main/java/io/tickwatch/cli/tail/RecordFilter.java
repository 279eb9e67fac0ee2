package io.tickwatch.cli.tail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code field=value} filters on a printed line: {@code field} is a dot-separated path into the
 * record's value ({@code hostId}, {@code labels.action}, {@code health.samplesDropped}) or one of
 * the line's own fields prefixed with {@code @} ({@code @key}, {@code @partition}); {@code value}
 * is compared with the field's text. A line is printed when every filter matches.
 */
record RecordFilter(List<String> path, String expected) {

  /**
   * Parses {@code field=value}.
   *
   * @throws IllegalArgumentException when there is no {@code =} or the field is empty
   */
  static RecordFilter parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("filter '" + text + "' is not field=value");
    }
    String field = text.substring(0, eq).trim();
    List<String> path = new ArrayList<>();
    if (field.startsWith("@")) {
      path.add(field.substring(1));
    } else {
      path.add("value");
      path.addAll(List.of(field.split("\\.")));
    }
    return new RecordFilter(List.copyOf(path), text.substring(eq + 1));
  }

  boolean matches(JsonNode line) {
    JsonNode node = line;
    for (String part : path) {
      node = node == null ? null : node.get(part);
    }
    return node != null && !node.isNull() && node.asText().equals(expected);
  }
}
