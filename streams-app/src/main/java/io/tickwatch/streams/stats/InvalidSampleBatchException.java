package io.tickwatch.streams.stats;

/**
 * A sample batch that cannot be aggregated at all (for example series whose length differs from
 * {@code sampleCount}); the processing exception handler sends it to the dead-letter topic with
 * this message as the reason.
 */
public final class InvalidSampleBatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a reason naming the host and the problem. */
  public InvalidSampleBatchException(String message) {
    super(message);
  }
}
