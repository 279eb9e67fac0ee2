package io.tickwatch.alerting.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * What came of one delivery attempt (or of all attempts, after the retry stage).
 *
 * @param outcome delivered, worth retrying, or rejected for good
 * @param statusCode HTTP status, or 0 when there was no response (network error, timeout) or no
 *     HTTP at all
 * @param retryAfter the receiver's {@code Retry-After}, or null
 * @param detail one line for logs and history; never contains a secret
 */
public record DeliveryResult(Outcome outcome, int statusCode, Duration retryAfter, String detail) {
  /** Outcome of a delivery. */
  public enum Outcome {
    DELIVERED,
    /** 429, 5xx, network error or timeout: the retry stage tries again. */
    RETRYABLE,
    /** Any other 4xx, or a notification the integration cannot express: never retried. */
    REJECTED
  }

  public DeliveryResult {
    Objects.requireNonNull(outcome, "outcome");
    detail = detail == null ? "" : detail;
  }

  public static DeliveryResult delivered(int statusCode) {
    return new DeliveryResult(Outcome.DELIVERED, statusCode, null, "HTTP " + statusCode);
  }

  public static DeliveryResult retryable(int statusCode, Duration retryAfter, String detail) {
    return new DeliveryResult(Outcome.RETRYABLE, statusCode, retryAfter, detail);
  }

  public static DeliveryResult rejected(int statusCode, String detail) {
    return new DeliveryResult(Outcome.REJECTED, statusCode, null, detail);
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }
}
