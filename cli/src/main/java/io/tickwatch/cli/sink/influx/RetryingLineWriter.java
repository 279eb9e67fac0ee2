package io.tickwatch.cli.sink.influx;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries {@link InfluxWriteException#retryable() retryable} failures (network errors, 429, 5xx)
 * with exponential backoff (initial delay doubled up to a maximum) until the write succeeds, the
 * attempts run out or the pause is cut short (the sink is stopping). Other failures (4xx) are
 * thrown at once: sending the same body again cannot help.
 */
public final class RetryingLineWriter {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingLineWriter.class);

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Pause {
    /**
     * Waits for the duration.
     *
     * @return false when the wait was cut short because the caller is stopping
     */
    boolean await(Duration duration);
  }

  private final LineWriter delegate;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxAttempts;
  private final Pause pause;

  /**
   * @param maxAttempts attempts per body, 0 for unlimited
   */
  public RetryingLineWriter(
      LineWriter delegate,
      Duration initialBackoff,
      Duration maxBackoff,
      int maxAttempts,
      Pause pause) {
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initial backoff <= max backoff");
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must be >= 0");
    }
    this.delegate = delegate;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxAttempts = maxAttempts;
    this.pause = pause;
  }

  /**
   * Writes the body, retrying retryable failures.
   *
   * @return true when written, false when stopped before it could be written
   * @throws InfluxWriteException a non-retryable failure, or the last failure once the attempts are
   *     used up
   */
  public boolean write(String lines) throws InfluxWriteException {
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        delegate.write(lines);
        if (attempt > 1) {
          LOG.info("InfluxDB write succeeded after {} attempts", attempt);
        }
        return true;
      } catch (InfluxWriteException e) {
        if (!e.retryable() || (maxAttempts > 0 && attempt >= maxAttempts)) {
          throw e;
        }
        LOG.warn(
            "InfluxDB write attempt {} failed ({}), retrying in {}",
            attempt,
            e.getMessage(),
            backoff);
        if (!pause.await(backoff)) {
          return false;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
      }
    }
  }
}
