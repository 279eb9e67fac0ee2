package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.EnsembleDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Development helper (not a test): leave-one-category-out check of the ensemble's parameter choice.
 * For each labelled category, picks the grid configuration and threshold that score best on the
 * other categories, then scores the held-out category with them.
 */
public final class NabHoldout {
  private NabHoldout() {}

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    List<EnsembleDetector.Config> grid = new ArrayList<>();
    for (double shapeWeight : new double[] {1.0, 1.4}) {
      for (int hold : new int[] {50, 100, 150}) {
        for (double slowWeight : new double[] {0.0, 2.0}) {
          for (int seasonal : new int[] {0, 30}) {
            for (double familiar : new double[] {0.5, 1.0}) {
              grid.add(
                  new EnsembleDetector.Config(
                      1000,
                      30,
                      8,
                      1000,
                      shapeWeight,
                      4,
                      500,
                      slowWeight,
                      familiar,
                      seasonal,
                      0.3,
                      100,
                      7.0,
                      hold));
            }
          }
        }
      }
    }
    NabProfile profile = NabProfile.STANDARD;
    List<List<SweptSeries>> swept = new ArrayList<>();
    for (EnsembleDetector.Config c : grid) {
      List<double[]> scores = NabBenchmark.detect(corpus, () -> new EnsembleDetector(c), s -> {});
      List<SweptSeries> list = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        list.add(NabScorer.sweep(corpus.series().get(i), scores.get(i), profile));
      }
      swept.add(list);
    }
    HoldoutReport.print(CategoryHoldout.evaluate(swept, profile), g -> String.valueOf(grid.get(g)));
  }
}
