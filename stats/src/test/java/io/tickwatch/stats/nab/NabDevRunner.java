package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.DetectorCatalog;
import java.nio.file.Path;
import java.util.List;

/** Development helper (not a test): scores catalogue detectors on a NAB corpus. */
public final class NabDevRunner {
  private NabDevRunner() {}

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    for (int a = 2; a < args.length; a++) {
      String name = args[a];
      long t0 = System.nanoTime();
      List<double[]> scores = NabBenchmark.detect(corpus, DetectorCatalog.factory(name), s -> {});
      long t1 = System.nanoTime();
      NabResult r = NabBenchmark.score(corpus, scores, name);
      StringBuilder sb = new StringBuilder(String.format("%-18s", name));
      for (NabResult.ProfileScore p : r.profiles()) {
        sb.append(
            String.format(
                " %s=%.1f(t=%.4f tp=%d fn=%d fp=%d)",
                p.profile().name().substring(0, Math.min(8, p.profile().name().length())),
                p.normalizedScore(),
                p.best().threshold(),
                p.best().detectedWindows(),
                p.best().missedWindows(),
                p.best().falsePositives()));
      }
      sb.append(String.format(" %.0fns/row%n   ", (t1 - t0) / 137401.0));
      for (NabResult.CategoryScore c : r.categories()) {
        sb.append(
            String.format(
                " %s=%.1f(raw %.2f)",
                c.category().replace("real", "").replace("artificial", "art"),
                c.normalizedScore(),
                c.atThreshold().rawScore()));
      }
      System.out.println(sb);
      if (Boolean.getBoolean("perfile")) {
        double t = r.profile(NabProfile.STANDARD).best().threshold();
        for (int i = 0; i < corpus.series().size(); i++) {
          NabSeries ser = corpus.series().get(i);
          SweptSeries sw = NabScorer.sweep(ser, scores.get(i), NabProfile.STANDARD);
          ThresholdScore ts = NabScorer.scoreAt(List.of(sw), NabProfile.STANDARD, t);
          StringBuilder det = new StringBuilder();
          int prob = ser.probationaryRows();
          for (int k = prob; k < ser.size(); k++) {
            if (scores.get(i)[k] >= t) {
              det.append(k).append(' ');
            }
          }
          System.out.printf(
              "  %-55s raw=%6.2f tp=%d fn=%d fp=%d  det=%s%n",
              ser.key(),
              ts.rawScore(),
              ts.detectedWindows(),
              ts.missedWindows(),
              ts.falsePositives(),
              det.length() > 120 ? det.substring(0, 120) : det);
        }
      }
    }
  }
}
