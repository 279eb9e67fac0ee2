package io.tickwatch.schemas.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential backoff for registry requests: after the first failed attempt wait {@code
 * initialBackoff}, then double the wait up to {@code maxBackoff}, for at most {@code maxRetries}
 * retries.
 *
 * @param maxRetries retries after the first attempt, at least 0
 * @param initialBackoff wait before the first retry, not negative
 * @param maxBackoff upper bound of any single wait, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  /** 4 retries, 100 ms doubling up to 2 s (about 1.5 s of waiting in total). */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2));

  /** No retries at all. */
  public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initialBackoff <= maxBackoff, was " + initialBackoff + ", " + maxBackoff);
    }
  }

  /** The wait before retry number {@code retry} (1-based). */
  public Duration backoffBeforeRetry(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry is 1-based, was " + retry);
    }
    Duration delay = initialBackoff;
    for (int i = 1; i < retry && delay.compareTo(maxBackoff) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }
}
