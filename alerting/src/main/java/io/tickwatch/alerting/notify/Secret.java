package io.tickwatch.alerting.notify;

import java.util.Objects;

/**
 * A secret (webhook URL with a token, routing key, HMAC key). {@link #toString()} is masked so that
 * a secret in a log line, exception message or record's {@code toString} shows as {@code ****};
 * only {@link #reveal()} gives the value, and only code that sends it calls that.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret value. Never log it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
