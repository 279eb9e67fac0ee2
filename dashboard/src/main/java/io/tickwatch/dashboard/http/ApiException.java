package io.tickwatch.dashboard.http;

/** An error answer: HTTP status and a one-line message sent as {@code {"error": message}}. */
public final class ApiException extends RuntimeException {

  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** HTTP status. */
  public int status() {
    return status;
  }
}
