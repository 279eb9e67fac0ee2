package io.tickwatch.alerting;

import java.util.List;

/** Invalid configuration: every problem found, not just the first. */
public final class AlertingConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> errors;

  public AlertingConfigException(List<String> errors) {
    super("invalid alerting configuration: " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** One line per problem. */
  public List<String> errors() {
    return errors;
  }
}
