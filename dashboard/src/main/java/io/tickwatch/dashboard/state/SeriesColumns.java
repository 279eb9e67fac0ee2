package io.tickwatch.dashboard.state;

import java.util.Map;
import java.util.TreeMap;

/**
 * Points of one series in columns (the shape uPlot draws), ordered by time. NaN means "no value".
 *
 * @param t window start (epoch milliseconds) of each point
 * @param mean mean of each window
 * @param p99 99th percentile of each window
 * @param max maximum of each window
 */
public record SeriesColumns(long[] t, double[] mean, double[] p99, double[] max) {

  /** No points. */
  public static SeriesColumns empty() {
    return new SeriesColumns(new long[0], new double[0], new double[0], new double[0]);
  }

  /** Number of points. */
  public int size() {
    return t.length;
  }

  /** The points of both, ordered by time; where both have a point, {@code newer} wins. */
  public static SeriesColumns merge(SeriesColumns older, SeriesColumns newer) {
    if (older.size() == 0) {
      return newer;
    }
    if (newer.size() == 0) {
      return older;
    }
    TreeMap<Long, double[]> points = new TreeMap<>();
    older.into(points);
    newer.into(points);
    return of(points);
  }

  private void into(Map<Long, double[]> points) {
    for (int i = 0; i < t.length; i++) {
      points.put(t[i], new double[] {mean[i], p99[i], max[i]});
    }
  }

  /** Columns of a time-ordered map of {@code {mean, p99, max}} triples. */
  public static SeriesColumns of(TreeMap<Long, double[]> points) {
    int n = points.size();
    long[] t = new long[n];
    double[] mean = new double[n];
    double[] p99 = new double[n];
    double[] max = new double[n];
    int i = 0;
    for (Map.Entry<Long, double[]> e : points.entrySet()) {
      t[i] = e.getKey();
      mean[i] = e.getValue()[0];
      p99[i] = e.getValue()[1];
      max[i] = e.getValue()[2];
      i++;
    }
    return new SeriesColumns(t, mean, p99, max);
  }
}
