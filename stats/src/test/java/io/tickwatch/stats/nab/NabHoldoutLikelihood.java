package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.EnsembleDetector;
import io.tickwatch.stats.anomaly.LikelihoodDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Development helper (not a test): in-sample scores and leave-one-category-out check of the
 * likelihood detector's small grid. For each labelled category, picks the grid configuration and
 * threshold that score best on the other categories, then scores the held-out category with them;
 * the held-out raw scores are pooled. The grid is the ensemble's own (see {@link NabHoldout})
 * crossed with the likelihood axes; each axis can be overridden with a system property holding a
 * comma-separated list ({@code -DshapeWeight=1}, {@code hold}, {@code slowWeight}, {@code
 * seasonal}, {@code familiar}, {@code short}, {@code long}, {@code minSd}, {@code spatial}).
 */
public final class NabHoldoutLikelihood {
  private NabHoldoutLikelihood() {}

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    List<LikelihoodDetector.Config> grid = grid();
    List<List<SweptSeries>> swept = new ArrayList<>();
    for (LikelihoodDetector.Config c : grid) {
      long t0 = System.nanoTime();
      List<double[]> scores = NabBenchmark.detect(corpus, () -> new LikelihoodDetector(c), s -> {});
      long t1 = System.nanoTime();
      NabResult r = NabBenchmark.score(corpus, scores, "likelihood");
      StringBuilder sb = new StringBuilder(describe(c));
      for (NabResult.ProfileScore p : r.profiles()) {
        sb.append(
            String.format(
                " %.1f(t=%.3f tp=%d fp=%d)",
                p.normalizedScore(),
                p.best().threshold(),
                p.best().detectedWindows(),
                p.best().falsePositives()));
      }
      sb.append(String.format(" %.0fns/row |", (t1 - t0) / (double) totalRows(corpus)));
      for (NabResult.CategoryScore cat : r.categories()) {
        sb.append(String.format(" %.1f", cat.normalizedScore()));
      }
      System.out.println(sb);
      List<SweptSeries> list = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        list.add(NabScorer.sweep(corpus.series().get(i), scores.get(i), NabProfile.STANDARD));
      }
      swept.add(list);
    }
    holdOut(corpus, grid, swept);
  }

  private static void holdOut(
      NabCorpus corpus, List<LikelihoodDetector.Config> grid, List<List<SweptSeries>> swept) {
    NabProfile profile = NabProfile.STANDARD;
    HoldoutReport.print(CategoryHoldout.evaluate(swept, profile), g -> describe(grid.get(g)));
  }

  /**
   * The ensemble's own 48-point grid (shape weight, hold-off, slow-shape weight, seasonal slots,
   * familiar-shape factor; see NabHoldout) crossed with the likelihood axes (defaults: one point).
   */
  private static List<LikelihoodDetector.Config> grid() {
    List<LikelihoodDetector.Config> grid = new ArrayList<>();
    LikelihoodDetector.Config d = LikelihoodDetector.Config.defaults();
    EnsembleDetector.Config e = d.surprise();
    for (double shapeWeight : axis("shapeWeight", 1.0, 1.4)) {
      for (double hold : axis("hold", 50, 100, 150)) {
        for (double slowWeight : axis("slowWeight", 0.0, 2.0)) {
          for (double seasonal : axis("seasonal", 0, 30)) {
            for (double familiar : axis("familiar", 0.5, 1.0)) {
              EnsembleDetector.Config views =
                  new EnsembleDetector.Config(
                      e.valueWindow(),
                      e.minPoints(),
                      e.dimension(),
                      e.shapeHistory(),
                      shapeWeight,
                      e.slowFactor(),
                      e.slowHistory(),
                      slowWeight,
                      familiar,
                      (int) seasonal,
                      e.seasonalFactor(),
                      e.refractoryRows(),
                      e.alarmSigmas(),
                      (int) hold);
              for (double shortWindow : axis("short", d.shortWindow())) {
                for (double longWindow : axis("long", d.longWindow())) {
                  for (double minSd : axis("minSd", d.minSd())) {
                    for (double spatial : axis("spatial", d.spatialTolerance())) {
                      grid.add(
                          new LikelihoodDetector.Config(
                              views,
                              (int) shortWindow,
                              (int) longWindow,
                              d.learningRows(),
                              minSd,
                              d.instantWeight(),
                              spatial,
                              d.refractoryRows(),
                              (int) hold));
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return grid;
  }

  private static long totalRows(NabCorpus corpus) {
    return corpus.series().stream().mapToLong(NabSeries::size).sum();
  }

  private static String describe(LikelihoodDetector.Config c) {
    return String.format(
        "shape=%.1f slow=%.0f seas=%d fam=%.1f short=%d long=%d minSd=%.3f spatial=%.2f hold=%d",
        c.surprise().shapeWeight(),
        c.surprise().slowWeight(),
        c.surprise().seasonalSlotMinutes(),
        c.surprise().familiarShapeFactor(),
        c.shortWindow(),
        c.longWindow(),
        c.minSd(),
        c.spatialTolerance(),
        c.holdRows());
  }

  private static double[] axis(String property, double... fallback) {
    String v = System.getProperty(property);
    if (v == null) {
      return fallback;
    }
    return Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
