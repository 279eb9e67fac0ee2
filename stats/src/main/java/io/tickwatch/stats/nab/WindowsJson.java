package io.tickwatch.stats.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NAB's {@code combined_windows.json}: an object mapping {@code category/file.csv} to a list
 * of {@code [start, end]} timestamp-string pairs. A deliberately small parser for exactly this
 * shape (the stats module has no JSON dependency).
 */
final class WindowsJson {

  private final String text;
  private int pos;

  private WindowsJson(String text) {
    this.text = text;
  }

  /** Parses the file's text into key to list of {@code [start, end]} string pairs. */
  static Map<String, List<String[]>> parse(String text) {
    WindowsJson parser = new WindowsJson(text);
    Map<String, List<String[]>> result = parser.object();
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("trailing content");
    }
    return result;
  }

  private Map<String, List<String[]>> object() {
    Map<String, List<String[]>> map = new LinkedHashMap<>();
    expect('{');
    if (peek() == '}') {
      pos++;
      return map;
    }
    do {
      String key = string();
      expect(':');
      map.put(key, windows());
    } while (comma('}'));
    return map;
  }

  private List<String[]> windows() {
    List<String[]> list = new ArrayList<>();
    expect('[');
    if (peek() == ']') {
      pos++;
      return list;
    }
    do {
      expect('[');
      String start = string();
      expect(',');
      String end = string();
      expect(']');
      list.add(new String[] {start, end});
    } while (comma(']'));
    return list;
  }

  private boolean comma(char close) {
    char c = peek();
    pos++;
    if (c == ',') {
      return true;
    }
    if (c == close) {
      return false;
    }
    pos--;
    throw error("expected ',' or '" + close + "'");
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'u' -> {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("windows JSON, offset " + pos + ": " + message);
  }
}
