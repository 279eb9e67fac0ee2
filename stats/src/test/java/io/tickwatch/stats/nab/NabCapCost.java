package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.AnomalyDetector;
import io.tickwatch.stats.anomaly.ArtDetector;
import io.tickwatch.stats.anomaly.DetectorCatalog;
import io.tickwatch.stats.anomaly.LikelihoodDetector;
import io.tickwatch.stats.anomaly.MaxScoreDetector;
import io.tickwatch.stats.anomaly.StudyDetectors;
import java.nio.file.Path;
import java.util.List;

/**
 * Development helper (not a test): cost of the ART member per category cap on the synthetic
 * 20,000-row series of {@link NabLongSeries} (µs/row overall and over the last 5,000 rows, best of
 * 3 runs), and of art-likelihood with and without the time-of-day damping on the NAB corpus (best
 * of 3). Arguments: data directory, windows file.
 */
public final class NabCapCost {
  private NabCapCost() {}

  public static void main(String[] args) {
    long start = 1_388_534_400_000L;
    double[] v = NabLongSeries.series(1);
    for (int cap : new int[] {250, 500, 1000, 100_000}) {
      double best = Double.MAX_VALUE;
      double bestLast = Double.MAX_VALUE;
      int cats = 0;
      for (int rep = 0; rep < 3; rep++) {
        ArtDetector art = StudyDetectors.art(cap);
        long t0 = System.nanoTime();
        long tLast = 0;
        for (int k = 0; k < v.length; k++) {
          if (k == v.length - 5000) {
            tLast = System.nanoTime();
          }
          art.score(start + k * 300_000L, v[k]);
        }
        long t1 = System.nanoTime();
        best = Math.min(best, (t1 - t0) / 1000.0 / v.length);
        bestLast = Math.min(bestLast, (t1 - tLast) / 1000.0 / 5000);
        cats = art.categories();
      }
      System.out.printf(
          "ART cap %6d: %.1f us/row overall, %.1f us/row last 5k, %d categories%n",
          cap, best, bestLast, cats);
    }
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    long rows = 0;
    for (NabSeries s : corpus.series()) {
      rows += s.size();
    }
    for (String name : List.of("undamped", "art-likelihood")) {
      double best = Double.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        NabBenchmark.detect(
            corpus,
            name.equals("undamped")
                ? () ->
                    (AnomalyDetector)
                        new MaxScoreDetector(List.of(new ArtDetector(), new LikelihoodDetector()))
                : DetectorCatalog.factory(name),
            s -> {});
        best = Math.min(best, (System.nanoTime() - t0) / 1000.0 / rows);
      }
      System.out.printf("%s on NAB: %.1f us/row (best of 3)%n", name, best);
    }
  }
}
