package io.tickwatch.dashboard.upstream;

/** An upstream service answered with an error or not at all. */
public final class UpstreamException extends Exception {

  private final int status;

  /**
   * @param status the upstream's HTTP status, or 502 when it did not answer
   * @param message what went wrong, for the dashboard's client
   */
  public UpstreamException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** HTTP status to pass on (the upstream's 4xx, or 502). */
  public int status() {
    return status;
  }
}
