package io.tickwatch.streams.anomaly.rules;

import java.util.List;

/**
 * A rule or rule file is invalid; {@link #errors()} lists every problem found, not just the first.
 */
public final class RuleValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> errors;

  public RuleValidationException(String what, List<String> errors) {
    super(what + ": " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** Every problem, one sentence each. */
  public List<String> errors() {
    return errors;
  }
}
