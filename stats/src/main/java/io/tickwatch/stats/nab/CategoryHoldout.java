package io.tickwatch.stats.nab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Leave-one-category-out evaluation of a detector's parameter choice: for each labelled category,
 * the grid point and threshold that score best on the other categories are chosen, and the held-out
 * category is scored with them. The raw held-out scores are pooled and normalised, which estimates
 * what the detector would score on series it was not tuned on. A category without windows (such as
 * NAB's artificialNoAnomaly) is held out too: it adds only the cost of its false positives, and its
 * own normalised score is NaN.
 */
public final class CategoryHoldout {
  private CategoryHoldout() {}

  /**
   * One held-out category.
   *
   * @param heldOut the category scored
   * @param config index of the grid point chosen on the other categories
   * @param trainScore normalised score of that grid point on the other categories
   * @param threshold the threshold chosen on the other categories
   * @param heldOutScore normalised score of the held-out category (NaN without windows)
   * @param heldOutResult the held-out category's score at that threshold
   */
  public record Fold(
      String heldOut,
      int config,
      double trainScore,
      double threshold,
      double heldOutScore,
      ThresholdScore heldOutResult) {}

  /**
   * The folds and the pooled held-out score.
   *
   * @param pooledScore normalised score of all held-out raw scores and windows together
   */
  public record Result(List<Fold> folds, double pooledScore) {}

  /**
   * Evaluates a grid.
   *
   * @param sweptPerConfig for each grid point, every series swept under {@code profile}
   * @throws IllegalArgumentException when the grid is empty or no series has windows
   */
  public static Result evaluate(List<List<SweptSeries>> sweptPerConfig, NabProfile profile) {
    if (sweptPerConfig.isEmpty()) {
      throw new IllegalArgumentException("the grid has no configuration");
    }
    Set<String> categories = new TreeSet<>();
    int windows = 0;
    for (SweptSeries s : sweptPerConfig.get(0)) {
      categories.add(s.category());
      windows += s.windowCount();
    }
    if (windows == 0) {
      throw new IllegalArgumentException("no series has anomaly windows");
    }
    List<Fold> folds = new ArrayList<>();
    double heldRaw = 0;
    int heldWindows = 0;
    for (String held : categories) {
      int best = -1;
      double bestNorm = Double.NEGATIVE_INFINITY;
      ThresholdScore bestTrain = null;
      for (int g = 0; g < sweptPerConfig.size(); g++) {
        List<SweptSeries> train =
            sweptPerConfig.get(g).stream().filter(s -> !s.category().equals(held)).toList();
        ThresholdScore t = NabScorer.optimise(train, profile);
        double norm = NabScorer.normalise(t.rawScore(), t.windows(), profile);
        if (norm > bestNorm) {
          bestNorm = norm;
          bestTrain = t;
          best = g;
        }
      }
      if (best < 0) {
        throw new IllegalArgumentException(
            "holding out " + held + " leaves no windows to choose parameters on");
      }
      List<SweptSeries> test =
          sweptPerConfig.get(best).stream().filter(s -> s.category().equals(held)).toList();
      ThresholdScore h = NabScorer.scoreAt(test, profile, bestTrain.threshold());
      heldRaw += h.rawScore();
      heldWindows += h.windows();
      folds.add(
          new Fold(
              held,
              best,
              bestNorm,
              bestTrain.threshold(),
              NabScorer.normalise(h.rawScore(), h.windows(), profile),
              h));
    }
    return new Result(List.copyOf(folds), NabScorer.normalise(heldRaw, heldWindows, profile));
  }
}
