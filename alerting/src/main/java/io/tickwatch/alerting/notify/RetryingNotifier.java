package io.tickwatch.alerting.notify;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retry stage: repeats a RETRYABLE attempt (429, 5xx, network error, timeout) with exponential
 * backoff, honoring the receiver's {@code Retry-After} (capped at {@code maxBackoff}); never
 * retries a REJECTED one (other 4xx). A runtime exception from the delegate counts as retryable.
 * Thread-safe when the delegate is.
 */
public final class RetryingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingNotifier.class);

  private final Notifier delegate;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;

  /**
   * @param maxAttempts attempts in total, at least 1
   * @param initialBackoff wait after the first failure; doubled after each further one
   * @param maxBackoff upper bound of any wait, including a Retry-After
   */
  public RetryingNotifier(
      Notifier delegate,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.sleeper = sleeper;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public DeliveryResult deliver(Notification notification) throws InterruptedException {
    Duration backoff = initialBackoff;
    DeliveryResult result = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        result = delegate.deliver(notification);
      } catch (RuntimeException e) {
        result = DeliveryResult.retryable(0, null, e.getClass().getSimpleName());
      }
      if (result.outcome() != DeliveryResult.Outcome.RETRYABLE || attempt == maxAttempts) {
        break;
      }
      Duration wait = result.retryAfter() != null ? result.retryAfter() : backoff;
      if (wait.compareTo(maxBackoff) > 0) {
        wait = maxBackoff;
      }
      LOG.debug(
          "receiver {}: attempt {} failed ({}), retrying in {} ms",
          name(),
          attempt,
          result.detail(),
          wait.toMillis());
      sleeper.sleep(wait);
      backoff = backoff.multipliedBy(2);
      if (backoff.compareTo(maxBackoff) > 0) {
        backoff = maxBackoff;
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return "Retrying[" + delegate + ", attempts=" + maxAttempts + "]";
  }
}
