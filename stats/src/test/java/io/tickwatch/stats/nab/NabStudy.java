package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.AnomalyDetector;
import io.tickwatch.stats.anomaly.ArtDetector;
import io.tickwatch.stats.anomaly.StudyDetectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Development helper (not a test): art-likelihood variants, in-sample (three profiles, per
 * category) and leave-one-category-out with the threshold only. A variant is a comma-separated list
 * of {@code key=value}: {@code cap} (ART categories, default 500), {@code warmup} (ART warm-up
 * rows, default 200, ART's own; the default detector's member uses 300), {@code tod} (ART score
 * factor when the time of day explains the value, default 1 = off), {@code todlik} (the same for
 * the likelihood member), {@code slot} (slot minutes, default 30), {@code days} (the default's
 * per-day ranges over that many days instead of the all-history hull), {@code only=art|lik} (one
 * member), {@code catalog=NAME} (a catalogue detector as is). {@code base} is the undamped mix.
 */
public final class NabStudy {
  private NabStudy() {}

  static final List<ArtDetector> ARTS = new ArrayList<>();

  static Map<String, String> parse(String spec) {
    Map<String, String> m = new HashMap<>();
    for (String kv : spec.split(",")) {
      String[] p = kv.split("=");
      if (p.length == 2) {
        m.put(p[0], p[1]);
      }
    }
    return m;
  }

  static AnomalyDetector build(String spec) {
    Map<String, String> m = parse(spec);
    if (m.containsKey("catalog")) {
      return io.tickwatch.stats.anomaly.DetectorCatalog.factory(m.get("catalog")).create();
    }
    ArtDetector art =
        StudyDetectors.art(
            Integer.parseInt(m.getOrDefault("cap", "500")),
            Integer.parseInt(m.getOrDefault("warmup", "200")));
    ARTS.add(art);
    int slot = Integer.parseInt(m.getOrDefault("slot", "30"));
    double tod = Double.parseDouble(m.getOrDefault("tod", "1"));
    double todLik = Double.parseDouble(m.getOrDefault("todlik", "1"));
    int days = Integer.parseInt(m.getOrDefault("days", "0"));
    AnomalyDetector a =
        m.containsKey("prod")
            ? new io.tickwatch.stats.anomaly.SeasonalDampingDetector(art, slot, days, tod)
            : tod == 1
                ? art
                : (days > 0
                    ? StudyDetectors.seasonalDays(art, slot, tod, days)
                    : StudyDetectors.seasonal(art, slot, tod));
    AnomalyDetector l = StudyDetectors.likelihood();
    l =
        todLik == 1
            ? l
            : (days > 0
                ? StudyDetectors.seasonalDays(l, slot, todLik, days)
                : StudyDetectors.seasonal(l, slot, todLik));
    if (m.containsKey("only")) {
      return m.get("only").equals("art") ? a : l;
    }
    return StudyDetectors.max(a, l);
  }

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    long rows = 0;
    for (NabSeries s : corpus.series()) {
      rows += s.size();
    }
    for (int a = 2; a < args.length; a++) {
      String spec = args[a];
      ARTS.clear();
      long t0 = System.nanoTime();
      List<double[]> scores = NabBenchmark.detect(corpus, () -> build(spec), s -> {});
      long t1 = System.nanoTime();
      int maxCats = 0;
      for (ArtDetector d : ARTS) {
        maxCats = Math.max(maxCats, d.categories());
      }
      NabResult r = NabBenchmark.score(corpus, scores, spec);
      StringBuilder sb = new StringBuilder(spec).append('\n');
      for (NabResult.ProfileScore p : r.profiles()) {
        sb.append(
            String.format(
                " %s=%.1f(t=%.4f tp=%d fp=%d)",
                p.profile().name().substring(0, Math.min(12, p.profile().name().length())),
                p.normalizedScore(),
                p.best().threshold(),
                p.best().detectedWindows(),
                p.best().falsePositives()));
      }
      sb.append(
          String.format(" %.0fns/row maxCategories=%d%n ", (t1 - t0) / (double) rows, maxCats));
      for (NabResult.CategoryScore c : r.categories()) {
        sb.append(
            String.format(
                " %s=%.1f",
                c.category().replace("real", "").replace("artificial", "art"),
                c.normalizedScore()));
      }
      List<SweptSeries> swept = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        swept.add(NabScorer.sweep(corpus.series().get(i), scores.get(i), NabProfile.STANDARD));
      }
      CategoryHoldout.Result h = CategoryHoldout.evaluate(List.of(swept), NabProfile.STANDARD);
      sb.append(String.format("%n  LOCO(threshold) pooled=%.1f", h.pooledScore()));
      for (CategoryHoldout.Fold f : h.folds()) {
        sb.append(
            String.format(
                " %s=%.1f(t=%.4f)",
                f.heldOut().replace("real", "").replace("artificial", "art"),
                f.heldOutScore(),
                f.threshold()));
      }
      System.out.println(sb);
    }
  }
}
