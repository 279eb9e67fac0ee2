package io.tickwatch.stats.nab;

/**
 * A labelled anomaly window, inclusive on both ends.
 *
 * @param startMillis first timestamp of the window, epoch millis (UTC)
 * @param endMillis last timestamp of the window, epoch millis (UTC)
 */
public record NabWindow(long startMillis, long endMillis) {
  public NabWindow {
    if (endMillis < startMillis) {
      throw new IllegalArgumentException("window ends before it starts");
    }
  }
}
