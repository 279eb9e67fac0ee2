package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.CadOseDetector;
import io.tickwatch.stats.anomaly.DetectorCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Development helper (not a test): {@link CadOseDetector} configurations alone and combined with a
 * partner detector of the catalogue (default {@code art-likelihood}; scores computed once), in
 * sample (three profiles, per category) and leave-one-category-out, threshold only per
 * configuration and over the whole grid.
 *
 * <p>Arguments: data directory, windows file, then configurations as comma-separated {@code
 * warmupRows,rangeMargin,valueBits,maxLeftLength,maxActiveNeurons,restRows,baseThreshold,maxContexts}
 * ({@code default} for the defaults). {@code -Dpartner=name} picks the partner; {@code
 * -Dfuse=max|mean|none} (default max; none = CAD alone; mean weighs CAD by {@code -Dweight=},
 * default 0.5); {@code -Doracle=true} gives each detector its file's minimum and maximum (as NAB
 * does; a diagnostic of the reimplementation, not causal); {@code -Dlevels=0.5,0.7,...} maps each
 * CAD score so that the given score becomes 0.5 before the fusion (piecewise linear, one grid point
 * per level).
 */
public final class NabCadHoldout {
  private NabCadHoldout() {}

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    String partnerName = System.getProperty("partner", "art-likelihood");
    String fuse = System.getProperty("fuse", "max");
    boolean oracle = Boolean.getBoolean("oracle");
    String[] levels = System.getProperty("levels", "0.5").split(",");
    String[] weights = System.getProperty("weight", "0.5").split(",");
    List<double[]> partner =
        fuse.equals("none")
            ? null
            : NabBenchmark.detect(corpus, DetectorCatalog.factory(partnerName), s -> {});
    int rows = corpus.series().stream().mapToInt(NabSeries::size).sum();
    NabProfile profile = NabProfile.STANDARD;
    List<List<SweptSeries>> swept = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int a = 2; a < args.length; a++) {
      CadOseDetector.Config c = parse(args[a]);
      long t0 = System.nanoTime();
      List<double[]> scores = new ArrayList<>();
      int maxContexts = 0;
      for (NabSeries s : corpus.series()) {
        CadOseDetector d;
        if (oracle) {
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
          for (double v : s.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
          d = new CadOseDetector(c, lo, hi);
        } else {
          d = new CadOseDetector(c);
        }
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = d.score(s.timestampsMillis()[i], s.values()[i]);
        }
        maxContexts = Math.max(maxContexts, d.contexts());
        scores.add(out);
      }
      long t1 = System.nanoTime();
      System.out.printf(
          "#%d %s: cad %.0fns/row maxContexts=%d%n",
          a - 2, args[a], (t1 - t0) / (double) rows, maxContexts);
      for (String lv : levels) {
        for (String wt : weights) {
          double level = Double.parseDouble(lv);
          double weight = Double.parseDouble(wt);
          List<double[]> fused = new ArrayList<>();
          for (int i = 0; i < scores.size(); i++) {
            double[] o = scores.get(i).clone();
            for (int k = 0; k < o.length; k++) {
              o[k] = NabArtHoldout.rescale(o[k], level);
              if (partner != null) {
                double q = partner.get(i)[k];
                o[k] = fuse.equals("mean") ? weight * o[k] + (1 - weight) * q : Math.max(o[k], q);
              }
            }
            fused.add(o);
          }
          String name = args[a] + " level " + lv + " weight " + wt;
          swept.add(report(corpus, fused, name));
          names.add(name);
        }
      }
    }
    if (swept.size() > 1) {
      System.out.println("LOCO over the grid:");
      HoldoutReport.print(CategoryHoldout.evaluate(swept, profile), names::get);
    }
  }

  private static List<SweptSeries> report(NabCorpus corpus, List<double[]> scores, String name) {
    NabProfile profile = NabProfile.STANDARD;
    NabResult r = NabBenchmark.score(corpus, scores, "cad");
    StringBuilder sb = new StringBuilder(String.format("  %s%n  ", name));
    for (NabResult.ProfileScore ps : r.profiles()) {
      sb.append(
          String.format(
              " %s=%.1f(t=%.4f tp=%d fp=%d)",
              ps.profile().name().substring(0, Math.min(8, ps.profile().name().length())),
              ps.normalizedScore(),
              ps.best().threshold(),
              ps.best().detectedWindows(),
              ps.best().falsePositives()));
    }
    sb.append(String.format("%n  "));
    for (NabResult.CategoryScore cs : r.categories()) {
      sb.append(
          String.format(
              " %s=%.1f(raw %.2f)",
              cs.category().replace("real", "").replace("artificial", "art"),
              cs.normalizedScore(),
              cs.atThreshold().rawScore()));
    }
    System.out.println(sb);
    List<SweptSeries> list = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      list.add(NabScorer.sweep(corpus.series().get(i), scores.get(i), profile));
    }
    CategoryHoldout.Result single = CategoryHoldout.evaluate(List.of(list), profile);
    StringBuilder h = new StringBuilder("   LOCO threshold only:");
    for (CategoryHoldout.Fold f : single.folds()) {
      h.append(String.format(" %s=%.1f", f.heldOut().replace("real", ""), f.heldOutScore()));
    }
    System.out.println(h.append(String.format(" pooled=%.1f", single.pooledScore())));
    return list;
  }

  private static CadOseDetector.Config parse(String text) {
    if (text.equals("default")) {
      return CadOseDetector.Config.defaults();
    }
    String[] p = text.split(",");
    return new CadOseDetector.Config(
        Integer.parseInt(p[0]),
        Double.parseDouble(p[1]),
        Integer.parseInt(p[2]),
        Integer.parseInt(p[3]),
        Integer.parseInt(p[4]),
        Integer.parseInt(p[5]),
        Double.parseDouble(p[6]),
        Integer.parseInt(p[7]));
  }
}
