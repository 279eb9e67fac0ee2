package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.DetectorCatalog;
import java.nio.file.Path;
import java.util.List;

/**
 * Development helper (not a test): per window, the earliest detection at each detector's optimal
 * standard threshold and the credit it earns (1 on the window's first row), to see how much
 * earliness is left to win.
 */
public final class NabCpdEarliness {
  private NabCpdEarliness() {}

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    for (int a = 2; a < args.length; a++) {
      String name = args[a];
      List<double[]> scores = NabBenchmark.detect(corpus, DetectorCatalog.factory(name), s -> {});
      NabResult r = NabBenchmark.score(corpus, scores, name);
      double t = r.profile(NabProfile.STANDARD).best().threshold();
      double credit = 0;
      int detected = 0;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < corpus.series().size(); i++) {
        SweptSeries sw =
            NabScorer.sweep(corpus.series().get(i), scores.get(i), NabProfile.STANDARD);
        double[] first = new double[sw.windowCount()];
        java.util.Arrays.fill(first, Double.NaN);
        double[] maxIn = new double[sw.windowCount()];
        for (int k = 0; k < sw.anomalyScores().length; k++) {
          int w = sw.windowIds()[k];
          if (w >= 0) {
            maxIn[w] = Math.max(maxIn[w], sw.anomalyScores()[k]);
            if (sw.anomalyScores()[k] >= t && Double.isNaN(first[w])) {
              first[w] = sw.weights()[k];
            }
          }
        }
        for (int w = 0; w < first.length; w++) {
          if (!Double.isNaN(first[w])) {
            credit += first[w];
            detected++;
          }
          sb.append(
              String.format(
                  "  %-52s w%d %s max=%.3f%n",
                  sw.key(),
                  w,
                  Double.isNaN(first[w]) ? "MISS  " : String.format("%.3f ", first[w]),
                  maxIn[w]));
        }
      }
      System.out.printf(
          "%s threshold %.4f detected %d credit %.2f (mean %.3f)%n",
          name, t, detected, credit, credit / Math.max(1, detected));
      if (Boolean.getBoolean("perwindow")) {
        System.out.print(sb);
      }
    }
  }
}
