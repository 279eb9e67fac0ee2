package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.ArtDetector;
import io.tickwatch.stats.anomaly.DetectorCatalog;
import io.tickwatch.stats.anomaly.LikelihoodProbe;
import io.tickwatch.stats.anomaly.SeasonalDampingDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Development helper (not a test): what makes the likelihood member of art-likelihood alarm. At the
 * default's standard threshold, every row where the likelihood member's own score crosses it,
 * outside windows (FP) or as a window's first detection (TP), tagged with the part that produced it
 * (instant view, likelihood log score, spatial rule), the age of the fitted distribution (short
 * means seen) and whether its sd was floored. {@code -Dverbose=true} lists the rows.
 */
public final class NabLikelihoodAnalysis {
  private NabLikelihoodAnalysis() {}

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    List<double[]> a =
        NabBenchmark.detect(
            corpus,
            () ->
                new SeasonalDampingDetector(
                    new ArtDetector(),
                    DetectorCatalog.SEASONAL_SLOT_MINUTES,
                    DetectorCatalog.SEASONAL_DAYS,
                    DetectorCatalog.SEASONAL_FACTOR),
            s -> {});
    List<double[]> b = new ArrayList<>();
    List<LikelihoodProbe> probes = new ArrayList<>();
    for (NabSeries s : corpus.series()) {
      LikelihoodProbe p = new LikelihoodProbe();
      probes.add(p);
      b.add(NabBenchmark.detect(s, () -> p));
    }
    List<double[]> m = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      double[] o = new double[a.get(i).length];
      for (int k = 0; k < o.length; k++) {
        o[k] = Math.max(a.get(i)[k], b.get(i)[k]);
      }
      m.add(o);
    }
    NabResult r = NabBenchmark.score(corpus, m, "max");
    double t = r.profile(NabProfile.STANDARD).best().threshold();
    System.out.printf(
        "threshold %.4f standard %.1f%n", t, r.profile(NabProfile.STANDARD).normalizedScore());
    boolean verbose = Boolean.getBoolean("verbose");
    Map<String, int[]> tags = new TreeMap<>();
    for (int i = 0; i < corpus.series().size(); i++) {
      NabSeries ser = corpus.series().get(i);
      SweptSeries sw = NabScorer.sweep(ser, m.get(i), NabProfile.STANDARD);
      int prob = ser.probationaryRows();
      double[] lik = b.get(i);
      double[] art = a.get(i);
      java.util.Set<Integer> seenWindow = new java.util.HashSet<>();
      for (int row = prob; row < ser.size(); row++) {
        int w = sw.windowIds()[row - prob];
        boolean maxHit = m.get(i)[row] >= t;
        boolean firstInWindow = w >= 0 && maxHit && seenWindow.add(w);
        boolean fp = w < 0 && maxHit;
        if (!(firstInWindow || fp) || lik[row] < t) {
          continue;
        }
        double[] c = probes.get(i).rows.get(row);
        String part = c[2] > 0 ? "spatial" : (c[1] >= c[0] ? "likelihood" : "instant");
        String age = c[3] < 1000 ? "fit<1000" : (c[3] < 3000 ? "fit<3000" : "fit=3000");
        String sd = c[4] < 0.06 ? "sdFloored" : "sdFree";
        String view = new String[] {"value", "shape", "slow"}[(int) c[7]];
        String who = (fp ? "FP" : "TP") + (art[row] >= t ? " both " : " lik ");
        for (String tag :
            new String[] {
              "all",
              part,
              age,
              sd,
              part + "+" + age,
              "view:" + view,
              "view:" + view + (c[8] > 0 ? "+inRange" : "+newExtreme")
            }) {
          tags.computeIfAbsent(who + tag, k -> new int[1])[0]++;
        }
        List<double[]> pr = probes.get(i).rows;
        double[] prec = new double[3];
        int[] ks = {1000, 3000, 100000};
        for (int q = 0; q < 3; q++) {
          for (int k = Math.max(Integer.getInteger("skip", 0), row - ks[q]); k < row - 100; k++) {
            prec[q] = Math.max(prec[q], pr.get(k)[0]);
          }
          prec[q] /= c[0];
        }
        String pt = prec[1] >= 1 ? "precedent3000" : "novel3000";
        tags.computeIfAbsent(who + pt, k -> new int[1])[0]++;
        tags.computeIfAbsent(who + pt + "+" + part, k -> new int[1])[0]++;
        if (verbose) {
          System.out.printf(
              "   precedent ratio 1000 %.2f 3000 %.2f all %.2f%n", prec[0], prec[1], prec[2]);
          System.out.printf(
              "%s %s row %d %s raw %.3f log %.3f spatial %.0f fitN %.0f sd %.4f short %.3f"
                  + " mean %.3f art %.3f view %s%n",
              who, ser.key(), row, part, c[0], c[1], c[2], c[3], c[4], c[5], c[6], art[row], view);
        }
      }
    }
    for (Map.Entry<String, int[]> e : tags.entrySet()) {
      System.out.printf("  %-32s %d%n", e.getKey(), e.getValue()[0]);
    }
  }
}
