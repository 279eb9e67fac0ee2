package io.tickwatch.alerting.model;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label condition, as in Alertmanager: {@code name=value}, {@code name!=value}, {@code
 * name=~regex}, {@code name!~regex}. Regular expressions are anchored (they must match the whole
 * value). A missing label reads as the empty string. Immutable and thread-safe.
 */
public final class LabelMatcher {
  /** The comparison. */
  public enum Op {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written, for example {@code =~}. */
    public String symbol() {
      return symbol;
    }
  }

  private final String name;
  private final Op op;
  private final String value;
  private final Pattern pattern;

  private LabelMatcher(String name, Op op, String value) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("matcher label name must not be empty");
    }
    this.name = name;
    this.op = Objects.requireNonNull(op, "op");
    this.value = Objects.requireNonNull(value, "value");
    Pattern compiled = null;
    if (op == Op.REGEX || op == Op.NOT_REGEX) {
      try {
        compiled = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "invalid regular expression for label " + name + ": " + e.getDescription(), e);
      }
    }
    this.pattern = compiled;
  }

  /** A matcher from its parts; throws {@link IllegalArgumentException} on a bad name or regex. */
  public static LabelMatcher of(String name, Op op, String value) {
    return new LabelMatcher(name, op, value);
  }

  /** {@code name=value}. */
  public static LabelMatcher equal(String name, String value) {
    return new LabelMatcher(name, Op.EQUAL, value);
  }

  /** {@code name=~regex}. */
  public static LabelMatcher regex(String name, String regex) {
    return new LabelMatcher(name, Op.REGEX, regex);
  }

  /**
   * Parses {@code name<op>value} where op is one of {@code = != =~ !~}; surrounding double quotes
   * around the value are removed.
   */
  public static LabelMatcher parse(String text) {
    Objects.requireNonNull(text, "text");
    int i = 0;
    while (i < text.length() && "=!~".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    if (i == text.length()) {
      throw new IllegalArgumentException("matcher '" + text + "' has no operator (= != =~ !~)");
    }
    String name = text.substring(0, i).trim();
    String rest = text.substring(i);
    Op op;
    if (rest.startsWith("=~")) {
      op = Op.REGEX;
    } else if (rest.startsWith("!~")) {
      op = Op.NOT_REGEX;
    } else if (rest.startsWith("!=")) {
      op = Op.NOT_EQUAL;
    } else if (rest.startsWith("=")) {
      op = Op.EQUAL;
    } else {
      throw new IllegalArgumentException("matcher '" + text + "' has no operator (= != =~ !~)");
    }
    String value = rest.substring(op.symbol().length()).trim();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return new LabelMatcher(name, op, value);
  }

  /** True when the labels satisfy this matcher. */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (op) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> pattern.matcher(actual).matches();
      case NOT_REGEX -> !pattern.matcher(actual).matches();
    };
  }

  /** True when every matcher matches (an empty list matches everything). */
  public static boolean allMatch(Iterable<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public String name() {
    return name;
  }

  public Op op() {
    return op;
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMatcher m
        && m.name.equals(name)
        && m.op == op
        && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, op, value);
  }

  @Override
  public String toString() {
    return name + op.symbol() + "\"" + value + "\"";
  }
}
