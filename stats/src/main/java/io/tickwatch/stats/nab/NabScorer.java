package io.tickwatch.stats.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NAB's scoring function, threshold sweep and normalisation. Stateless and thread-safe.
 *
 * <p>Conventions follow NAB v1.1's sweeper: a window's rows are those with {@code start <= t <=
 * end}; the TP reward of row {@code i} in a window {@code [left, right]} of width {@code w = right
 * - left + 1} is {@code A_TP * S(-(right - i + 1) / w) / S(-1)}; an FP after a window ending at
 * {@code r} with width {@code w} costs {@code A_FP * S(|r - i| / (w - 1))}, an FP before any window
 * {@code -A_FP}. Only the earliest (largest) reward in a window counts. The threshold sweep visits
 * every distinct anomaly score from the highest down, starting from 1.1 (no detection); on ties of
 * the total the higher threshold wins.
 */
public final class NabScorer {

  /** The threshold that detects nothing. */
  public static final double NO_DETECTION_THRESHOLD = 1.1;

  private static final double MAX_TP = scaledSigmoid(-1.0);

  private NabScorer() {}

  /**
   * NAB's scaled sigmoid: {@code 2 / (1 + e^(5x)) - 1}, and -1 for {@code x >= 3}.
   *
   * @param relativePosition position relative to a window's right edge (negative inside)
   * @return a value in (-1, 1)
   */
  public static double scaledSigmoid(double relativePosition) {
    if (relativePosition >= 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
  }

  /**
   * Prepares one series for scoring under one profile.
   *
   * @param series the labelled series
   * @param anomalyScores one score per row of {@code series}
   * @param profile the cost profile
   * @return the scored (non-probationary) rows with their weights and windows
   */
  public static SweptSeries sweep(NabSeries series, double[] anomalyScores, NabProfile profile) {
    int n = series.size();
    if (anomalyScores.length != n) {
      throw new IllegalArgumentException(
          series.key() + ": " + anomalyScores.length + " scores for " + n + " rows");
    }
    long[] ts = series.timestampsMillis();
    int[] left = new int[series.windows().size()];
    int[] right = new int[left.length];
    for (int w = 0; w < left.length; w++) {
      NabWindow window = series.windows().get(w);
      left[w] = firstIndexAtOrAfter(ts, window.startMillis());
      // like NAB, a window ends at the first row carrying its end timestamp
      int end = firstIndexAtOrAfter(ts, window.endMillis());
      right[w] = end < ts.length && ts[end] == window.endMillis() ? end : end - 1;
    }
    int probation = series.probationaryRows();
    int scored = n - probation;
    double[] scores = new double[scored];
    double[] weights = new double[scored];
    int[] ids = new int[scored];
    boolean[] windowSeen = new boolean[left.length];
    int nextWindow = 0;
    int prevRight = -1;
    int prevWidth = 0;
    for (int i = 0; i < n; i++) {
      while (nextWindow < left.length && right[nextWindow] < i) {
        if (right[nextWindow] >= left[nextWindow]) {
          prevRight = right[nextWindow];
          prevWidth = right[nextWindow] - left[nextWindow] + 1;
        }
        nextWindow++;
      }
      boolean inside = nextWindow < left.length && left[nextWindow] <= i;
      double weight;
      if (inside) {
        double width = right[nextWindow] - left[nextWindow] + 1;
        double position = -(right[nextWindow] - i + 1) / width;
        weight = scaledSigmoid(position) * profile.tpWeight() / MAX_TP;
      } else {
        double position =
            prevRight < 0 || prevWidth <= 1 ? 3.0 : Math.abs(prevRight - i) / (prevWidth - 1.0);
        weight = scaledSigmoid(position) * profile.fpWeight();
      }
      if (i >= probation) {
        int k = i - probation;
        scores[k] = anomalyScores[i];
        weights[k] = weight;
        ids[k] = inside ? nextWindow : SweptSeries.OUTSIDE;
        if (inside) {
          windowSeen[nextWindow] = true;
        }
      }
    }
    // renumber windows densely so that every id < windowCount
    int[] dense = new int[left.length];
    int count = 0;
    for (int w = 0; w < left.length; w++) {
      dense[w] = windowSeen[w] ? count++ : -1;
    }
    for (int k = 0; k < scored; k++) {
      if (ids[k] >= 0) {
        ids[k] = dense[ids[k]];
      }
    }
    return new SweptSeries(series.key(), series.category(), scores, weights, ids, count);
  }

  /**
   * Finds the threshold that maximises the summed raw score of {@code series} (all prepared with
   * the same profile), sweeping every distinct anomaly score.
   */
  public static ThresholdScore optimise(List<SweptSeries> series, NabProfile profile) {
    Rows rows = Rows.of(series);
    Integer[] order = new Integer[rows.scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(rows.scores[b], rows.scores[a]));
    Tally tally = new Tally(rows.windowCount, profile);
    ThresholdScore best = tally.at(NO_DETECTION_THRESHOLD);
    int k = 0;
    while (k < order.length) {
      double threshold = rows.scores[order[k]];
      while (k < order.length && rows.scores[order[k]] == threshold) {
        tally.add(rows.weights[order[k]], rows.windowIds[order[k]]);
        k++;
      }
      if (threshold <= 1.0 && tally.total() > best.rawScore()) {
        best = tally.at(threshold);
      }
    }
    return best;
  }

  /** The summed raw score of {@code series} when rows with score {@code >= threshold} detect. */
  public static ThresholdScore scoreAt(
      List<SweptSeries> series, NabProfile profile, double threshold) {
    Rows rows = Rows.of(series);
    Tally tally = new Tally(rows.windowCount, profile);
    for (int i = 0; i < rows.scores.length; i++) {
      if (rows.scores[i] >= threshold) {
        tally.add(rows.weights[i], rows.windowIds[i]);
      }
    }
    return tally.at(threshold);
  }

  /**
   * NAB's normalisation: 100 for the perfect detector ({@code A_TP} per window), 0 for the null
   * detector ({@code -A_FN} per window).
   *
   * @return the normalised score, or NaN when there are no windows
   */
  public static double normalise(double rawScore, int windows, NabProfile profile) {
    if (windows == 0) {
      return Double.NaN;
    }
    double nullScore = -profile.fnWeight() * windows;
    double perfectScore = profile.tpWeight() * windows;
    return 100.0 * (rawScore - nullScore) / (perfectScore - nullScore);
  }

  private static int firstIndexAtOrAfter(long[] sorted, long key) {
    int i = Arrays.binarySearch(sorted, key);
    if (i >= 0) {
      while (i > 0 && sorted[i - 1] == key) {
        i--;
      }
      return i;
    }
    return -i - 1;
  }

  /** All rows of several series concatenated, window ids made globally unique. */
  private record Rows(double[] scores, double[] weights, int[] windowIds, int windowCount) {
    static Rows of(List<SweptSeries> series) {
      int total = 0;
      for (SweptSeries s : series) {
        total += s.anomalyScores().length;
      }
      double[] scores = new double[total];
      double[] weights = new double[total];
      int[] ids = new int[total];
      int offset = 0;
      int windowOffset = 0;
      List<SweptSeries> copy = new ArrayList<>(series);
      for (SweptSeries s : copy) {
        int n = s.anomalyScores().length;
        System.arraycopy(s.anomalyScores(), 0, scores, offset, n);
        System.arraycopy(s.weights(), 0, weights, offset, n);
        for (int i = 0; i < n; i++) {
          int id = s.windowIds()[i];
          ids[offset + i] = id < 0 ? SweptSeries.OUTSIDE : id + windowOffset;
        }
        offset += n;
        windowOffset += s.windowCount();
      }
      return new Rows(scores, weights, ids, windowOffset);
    }
  }

  /** Running totals while detections are added in any order. */
  private static final class Tally {
    private final double[] windowBest;
    private final boolean[] detected;
    private final double fnWeight;
    private double fpSum;
    private double windowSum;
    private int detectedWindows;
    private int falsePositives;

    Tally(int windows, NabProfile profile) {
      this.windowBest = new double[windows];
      this.detected = new boolean[windows];
      this.fnWeight = profile.fnWeight();
      Arrays.fill(windowBest, -fnWeight);
      this.windowSum = -fnWeight * windows;
    }

    void add(double weight, int windowId) {
      if (windowId < 0) {
        fpSum += weight;
        falsePositives++;
        return;
      }
      if (!detected[windowId]) {
        detected[windowId] = true;
        detectedWindows++;
      }
      if (weight > windowBest[windowId]) {
        windowSum += weight - windowBest[windowId];
        windowBest[windowId] = weight;
      }
    }

    double total() {
      return fpSum + windowSum;
    }

    ThresholdScore at(double threshold) {
      return new ThresholdScore(
          threshold, total(), detectedWindows, windowBest.length - detectedWindows, falsePositives);
    }
  }
}
