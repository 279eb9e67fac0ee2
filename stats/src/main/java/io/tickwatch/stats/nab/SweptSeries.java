package io.tickwatch.stats.nab;

/**
 * The scored rows of one series under one profile: each row's anomaly score, the weight it would
 * add if it were a detection, and the window it lies in. Probationary rows are already dropped.
 *
 * @param key the series key, {@code category/fileName}
 * @param category the series category
 * @param anomalyScores anomaly score per scored row
 * @param weights NAB's sweep score per scored row: the TP reward inside a window, the (negative) FP
 *     cost outside
 * @param windowIds window index within this series, or {@link #OUTSIDE}
 * @param windowCount number of windows with at least one scored row
 */
public record SweptSeries(
    String key,
    String category,
    double[] anomalyScores,
    double[] weights,
    int[] windowIds,
    int windowCount) {

  /** Window id of a row outside every window. */
  public static final int OUTSIDE = -1;
}
