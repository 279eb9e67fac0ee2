package io.tickwatch.cli.sink.influx;

/**
 * A write InfluxDB did not accept. Retryable: a network error (status 0), 429 or any 5xx. Not
 * retryable: every other 4xx (the body says why, e.g. {@code unable to parse}, {@code partial
 * write}, {@code database not found}, {@code authorization failed}).
 */
public final class InfluxWriteException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  /**
   * @param status HTTP status, or 0 when no response arrived
   * @param body response body (InfluxDB's error message), empty when none
   */
  public InfluxWriteException(String message, int status, String body, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.body = body == null ? "" : body;
  }

  /** HTTP status, or 0 for a network error. */
  public int status() {
    return status;
  }

  /** InfluxDB's response body (its error message), possibly empty. */
  public String body() {
    return body;
  }

  /** Whether sending the same request again may succeed: network errors, 429 and 5xx. */
  public boolean retryable() {
    return status == 0 || status == 429 || status >= 500;
  }
}
