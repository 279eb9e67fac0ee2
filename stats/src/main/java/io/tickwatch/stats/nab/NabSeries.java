package io.tickwatch.stats.nab;

import java.util.List;

/**
 * One labelled NAB data file.
 *
 * @param category the category folder, e.g. {@code realTraffic}
 * @param fileName the file name, e.g. {@code speed_6005.csv}
 * @param timestampsMillis row timestamps, epoch millis (UTC), non-decreasing (NAB has repeated
 *     timestamps)
 * @param values row values
 * @param windows the labelled windows, in time order
 */
public record NabSeries(
    String category,
    String fileName,
    long[] timestampsMillis,
    double[] values,
    List<NabWindow> windows) {

  public NabSeries {
    if (timestampsMillis.length != values.length) {
      throw new IllegalArgumentException("timestamps and values differ in length");
    }
    windows = List.copyOf(windows);
  }

  /** The key NAB uses in its label files: {@code category/fileName}. */
  public String key() {
    return category + "/" + fileName;
  }

  /** Number of rows. */
  public int size() {
    return values.length;
  }

  /** NAB's probationary length: {@code min(floor(0.15 n), 0.15 * 5000)} rows are not scored. */
  public int probationaryRows() {
    return (int) Math.min(Math.floor(0.15 * size()), 0.15 * 5000);
  }
}
