package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.AnomalyDetector;
import io.tickwatch.stats.anomaly.ArtDetector;
import io.tickwatch.stats.anomaly.EnsembleDetector;
import io.tickwatch.stats.anomaly.LikelihoodDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Development helper (not a test): in-sample scores of each {@link ArtDetector} configuration given
 * on the command line, then leave-one-category-out over that grid (pick configuration and threshold
 * on the other labelled categories, score the held-out one, pool the raw scores).
 *
 * <p>{@code -Djitter=x} multiplies every value by {@code 1 + x} (a sensitivity check: the detectors
 * are scale-invariant up to rounding). Arguments: data directory, windows file, then configurations
 * as comma-separated {@code
 * warmupRows,step,window,levels,snapBand,spikeFraction,rangeMargin,initialRho,capacity,alarm}; a
 * configuration may add {@code ;ensemble} or {@code ;likelihood} (a partner detector at its
 * defaults, whose scores are computed once), or be just {@code ensemble} / {@code likelihood}.
 *
 * <p>{@code -Dnoisecal=p} (with {@code -Dagg=max} and a partner): before taking the maximum, each
 * member's score is mapped monotonically (piecewise linear, 0 and 1 fixed) so that its own
 * exceedance level at rate {@code p} on seeded Gaussian noise (60 series of 4000 rows, the first
 * 600 of each not counted, as NAB's probation) becomes 0.5: both members then alarm equally often
 * on noise. No NAB labels are involved in the scaling.
 *
 * <p>{@code -Dsmooth=true} adds a second leave-one-category-out in which each fold picks the grid
 * point with the best mean training score over itself and its one-step neighbours.
 */
public final class NabArtHoldout {
  private NabArtHoldout() {}

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    List<List<ArtDetector.Config>> grid = new ArrayList<>();
    for (int a = 2; a < args.length; a++) {
      List<ArtDetector.Config> members = new ArrayList<>();
      for (String member : args[a].split(";")) {
        members.add(parse(member));
      }
      grid.add(members);
    }
    NabProfile profile = NabProfile.STANDARD;
    List<List<SweptSeries>> swept = new ArrayList<>();
    for (List<ArtDetector.Config> c : grid) {
      long t0 = System.nanoTime();
      List<double[]> scores = combined(corpus, c);
      long t1 = System.nanoTime();
      NabResult r = NabBenchmark.score(corpus, scores, "art");
      StringBuilder sb = new StringBuilder(String.format("%s%n  ", c));
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
      sb.append(String.format(" %.0fns/row%n  ", (t1 - t0) / (double) rows(corpus)));
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
      swept.add(list);
    }
    HoldoutReport.print(CategoryHoldout.evaluate(swept, profile), g -> "#" + g);
    if (Boolean.getBoolean("smooth")) {
      smoothed(grid, swept, profile);
    }
  }

  /**
   * {@code -Dsmooth=true}: leave-one-category-out where each fold picks the grid point whose
   * training score averaged with its one-step neighbours (one of warm-up, window, levels, snap band
   * moved to the adjacent grid value) is best: a flat region instead of a peak.
   */
  private static void smoothed(
      List<List<ArtDetector.Config>> grid, List<List<SweptSeries>> swept, NabProfile profile) {
    List<ArtDetector.Config> arts = new ArrayList<>();
    for (List<ArtDetector.Config> c : grid) {
      arts.add(c.stream().filter(x -> x != null).findFirst().orElseThrow());
    }
    java.util.function.ToDoubleFunction<ArtDetector.Config>[] axes =
        new java.util.function.ToDoubleFunction[] {
          (java.util.function.ToDoubleFunction<ArtDetector.Config>) c -> c.warmupRows(),
          (java.util.function.ToDoubleFunction<ArtDetector.Config>) c -> c.window(),
          (java.util.function.ToDoubleFunction<ArtDetector.Config>) c -> c.levels(),
          (java.util.function.ToDoubleFunction<ArtDetector.Config>) c -> c.snapBand()
        };
    List<List<Integer>> neighbours = new ArrayList<>();
    for (int g = 0; g < arts.size(); g++) {
      List<Integer> nb = new ArrayList<>();
      for (int a = 0; a < axes.length; a++) {
        double[] values = arts.stream().mapToDouble(axes[a]).distinct().sorted().toArray();
        for (int h = 0; h < arts.size(); h++) {
          boolean sameElsewhere = true;
          for (int b = 0; b < axes.length; b++) {
            if (b != a
                && axes[b].applyAsDouble(arts.get(h)) != axes[b].applyAsDouble(arts.get(g))) {
              sameElsewhere = false;
            }
          }
          int i = Arrays.binarySearch(values, axes[a].applyAsDouble(arts.get(g)));
          int j = Arrays.binarySearch(values, axes[a].applyAsDouble(arts.get(h)));
          if (sameElsewhere && Math.abs(i - j) == 1) {
            nb.add(h);
          }
        }
      }
      neighbours.add(nb);
    }
    java.util.Set<String> categories = new java.util.TreeSet<>();
    for (SweptSeries s : swept.get(0)) {
      categories.add(s.category());
    }
    double heldRaw = 0;
    int heldWindows = 0;
    for (String held : categories) {
      double[] train = new double[arts.size()];
      ThresholdScore[] ts = new ThresholdScore[arts.size()];
      for (int g = 0; g < arts.size(); g++) {
        List<SweptSeries> tr =
            swept.get(g).stream().filter(x -> !x.category().equals(held)).toList();
        ts[g] = NabScorer.optimise(tr, profile);
        train[g] = NabScorer.normalise(ts[g].rawScore(), ts[g].windows(), profile);
      }
      int best = -1;
      double bestSmooth = Double.NEGATIVE_INFINITY;
      for (int g = 0; g < arts.size(); g++) {
        double sum = train[g];
        for (int h : neighbours.get(g)) {
          sum += train[h];
        }
        double smooth = sum / (1 + neighbours.get(g).size());
        if (smooth > bestSmooth) {
          bestSmooth = smooth;
          best = g;
        }
      }
      List<SweptSeries> test =
          swept.get(best).stream().filter(x -> x.category().equals(held)).toList();
      ThresholdScore h = NabScorer.scoreAt(test, profile, ts[best].threshold());
      heldRaw += h.rawScore();
      heldWindows += h.windows();
      ArtDetector.Config c = arts.get(best);
      System.out.printf(
          "smoothed: held out %-22s config #%d (%d,%d,%d,%.3f) smoothed train %.1f own %.1f"
              + " threshold %.4f held-out %.1f%n",
          held,
          best,
          c.warmupRows(),
          c.window(),
          c.levels(),
          c.snapBand(),
          bestSmooth,
          train[best],
          ts[best].threshold(),
          NabScorer.normalise(h.rawScore(), h.windows(), profile));
    }
    System.out.printf(
        "smoothed pooled held-out standard score: %.1f%n",
        NabScorer.normalise(heldRaw, heldWindows, profile));
  }

  private static List<double[]> ensembleScores;

  /** The partner detector written as {@code ensemble} or {@code likelihood} in a configuration. */
  private static String partner = "ensemble";

  private static double partnerLevel = Double.NaN;

  private static AnomalyDetector newPartner() {
    return "likelihood".equals(partner) ? new LikelihoodDetector() : new EnsembleDetector();
  }

  /** Scores of a configuration; the partner's are computed once and reused. */
  private static List<double[]> combined(NabCorpus corpus, List<ArtDetector.Config> configs) {
    if (configs.size() == 1 || !configs.contains(null)) {
      return NabBenchmark.detect(corpus, () -> mean(configs), s -> {});
    }
    if (ensembleScores == null) {
      ensembleScores = NabBenchmark.detect(corpus, NabArtHoldout::newPartner, s -> {});
    }
    List<ArtDetector.Config> arts = configs.stream().filter(c -> c != null).toList();
    List<double[]> art = NabBenchmark.detect(corpus, () -> mean(arts), s -> {});
    boolean max = "max".equals(System.getProperty("agg"));
    String cal = System.getProperty("noisecal");
    double artLevel = 0.5;
    double partnerAt = 0.5;
    if (max && cal != null) {
      double rate = Double.parseDouble(cal);
      if (Double.isNaN(partnerLevel)) {
        partnerLevel = noiseLevel(NabArtHoldout::newPartner, rate);
      }
      artLevel = noiseLevel(() -> mean(arts), rate);
      partnerAt = partnerLevel;
      System.out.printf(
          "  noise levels at rate %s: art %.4f, %s %.4f%n", cal, artLevel, partner, partnerAt);
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < art.size(); i++) {
      double[] a = art.get(i);
      double[] e = ensembleScores.get(i);
      double[] o = new double[a.length];
      for (int k = 0; k < a.length; k++) {
        o[k] =
            max
                ? Math.max(rescale(a[k], artLevel), rescale(e[k], partnerAt))
                : (a[k] * arts.size() + e[k]) / (arts.size() + 1);
      }
      out.add(o);
    }
    return out;
  }

  /** Piecewise-linear monotone map of [0, 1] onto itself with {@code level} sent to 0.5. */
  static double rescale(double score, double level) {
    if (level == 0.5) {
      return score;
    }
    return score <= level ? 0.5 * score / level : 0.5 + 0.5 * (score - level) / (1.0 - level);
  }

  /**
   * The score a detector reaches or exceeds on a fraction {@code rate} of scored rows of seeded
   * Gaussian noise (60 series of 4000 rows, one detector per series, the first 600 rows not
   * counted).
   */
  static double noiseLevel(io.tickwatch.stats.anomaly.AnomalyDetectorFactory factory, double rate) {
    int series = 60;
    int rows = 4000;
    int skip = 600;
    double[] all = new double[series * (rows - skip)];
    int n = 0;
    for (int s = 0; s < series; s++) {
      Random random = new Random(1000 + s);
      AnomalyDetector d = factory.create();
      for (int k = 0; k < rows; k++) {
        double score = d.score(k * 300_000L, 10.0 + random.nextGaussian());
        if (k >= skip) {
          all[n++] = score;
        }
      }
    }
    Arrays.sort(all);
    return all[Math.max(0, all.length - (int) Math.round(rate * all.length))];
  }

  private static ArtDetector.Config parse(String text) {
    if (text.equals("ensemble") || text.equals("likelihood")) {
      partner = text;
      return null;
    }
    String[] p = text.split(",");
    return new ArtDetector.Config(
        Integer.parseInt(p[0]),
        Integer.parseInt(p[1]),
        Integer.parseInt(p[2]),
        Integer.parseInt(p[3]),
        Double.parseDouble(p[4]),
        Double.parseDouble(p[5]),
        Double.parseDouble(p[6]),
        Double.parseDouble(p[7]),
        Integer.parseInt(p[8]),
        Double.parseDouble(p[9]));
  }

  /**
   * The mean (or with -Dagg=max the maximum) score of one detector per configuration; a null
   * configuration (written "ensemble") stands for the default EnsembleDetector.
   */
  private static AnomalyDetector mean(List<ArtDetector.Config> configs) {
    List<AnomalyDetector> members =
        configs.stream()
            .map(c -> c == null ? newPartner() : todDamped(new ArtDetector(c)))
            .toList();
    boolean max = "max".equals(System.getProperty("agg"));
    double jitter = Double.parseDouble(System.getProperty("jitter", "0"));
    if (members.size() == 1 && jitter == 0) {
      return members.get(0);
    }
    return (t, raw) -> {
      double v = raw * (1 + jitter);
      double sum = 0;
      double top = 0;
      for (AnomalyDetector m : members) {
        double s = m.score(t, v);
        sum += s;
        top = Math.max(top, s);
      }
      return max ? top : sum / members.size();
    };
  }

  /**
   * With {@code -Dtod=f} (and optionally {@code -Dtoddays=d}, default 7): the ART member's score
   * times {@code f} when the value lies within the range of an earlier day (of the last {@code d})
   * at the same UTC time of day (30-min slots, one either side).
   */
  private static AnomalyDetector todDamped(ArtDetector art) {
    String tod = System.getProperty("tod");
    if (tod == null) {
      return art;
    }
    return new io.tickwatch.stats.anomaly.SeasonalDampingDetector(
        art, 30, Integer.getInteger("toddays", 7), Double.parseDouble(tod));
  }

  private static long rows(NabCorpus corpus) {
    long n = 0;
    for (NabSeries s : corpus.series()) {
      n += s.size();
    }
    return n;
  }
}
