package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.AnomalyDetectorFactory;
import io.tickwatch.stats.anomaly.ArtDetector;
import io.tickwatch.stats.anomaly.DetectorCatalog;
import io.tickwatch.stats.anomaly.LikelihoodDetector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Development helper (not a test): error analysis of a max-of-two detector (default {@code art} and
 * {@code likelihood}, i.e. {@code art-likelihood}) at its standard-profile threshold. Per window:
 * the first detection, its credit and relative position in the window, the member that produced it;
 * for a missed window the members' largest scores in it. Per false positive: the member, its cost
 * and generic tags (new extreme of the series so far, beyond the likelihood's 10 % spatial band, on
 * the series' second day, value familiar at that UTC time of day on an earlier day, after a time
 * gap, shortly after a window). Prints a per-file listing with {@code -Dverbose=true} and always a
 * tag summary.
 *
 * <p>Arguments: data directory, windows file, optionally the two member names from the catalogue.
 */
public final class NabErrorAnalysis {
  private NabErrorAnalysis() {}

  private static final long DAY = 86_400_000L;
  private static final long SLOT = 1_800_000L;

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    AnomalyDetectorFactory fa = args.length > 2 ? member(args[2]) : ArtDetector::new;
    AnomalyDetectorFactory fb = args.length > 3 ? member(args[3]) : LikelihoodDetector::new;
    List<double[]> a = NabBenchmark.detect(corpus, fa, s -> {});
    List<double[]> b = NabBenchmark.detect(corpus, fb, s -> {});
    List<double[]> m = new java.util.ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      double[] o = new double[a.get(i).length];
      for (int k = 0; k < o.length; k++) {
        o[k] = Math.max(a.get(i)[k], b.get(i)[k]);
      }
      m.add(o);
    }
    NabResult r = NabBenchmark.score(corpus, m, "max");
    double t = r.profile(NabProfile.STANDARD).best().threshold();
    boolean verbose = Boolean.getBoolean("verbose");
    System.out.printf(
        "threshold %.4f  standard %.1f%n", t, r.profile(NabProfile.STANDARD).normalizedScore());
    Map<String, double[]> tags = new TreeMap<>(); // tag -> {count, cost}
    double creditSum = 0;
    int tp = 0;
    int missed = 0;
    int[] tpBy = new int[3];
    double[] posHist = new double[5];
    for (int i = 0; i < corpus.series().size(); i++) {
      NabSeries ser = corpus.series().get(i);
      SweptSeries sw = NabScorer.sweep(ser, m.get(i), NabProfile.STANDARD);
      int prob = ser.probationaryRows();
      double[] sa = a.get(i);
      double[] sb = b.get(i);
      long[] ts = ser.timestampsMillis();
      double[] v = ser.values();
      StringBuilder line = new StringBuilder(ser.key()).append('\n');
      java.util.Set<Integer> firsts = new java.util.HashSet<>();
      // windows
      for (int w = 0; w < sw.windowCount(); w++) {
        int left = -1;
        int right = -1;
        int first = -1;
        double maxA = 0;
        double maxB = 0;
        for (int k = 0; k < sw.windowIds().length; k++) {
          if (sw.windowIds()[k] == w) {
            int row = k + prob;
            if (left < 0) {
              left = row;
            }
            right = row;
            maxA = Math.max(maxA, sa[row]);
            maxB = Math.max(maxB, sb[row]);
            if (first < 0 && m.get(i)[row] >= t) {
              first = row;
            }
          }
        }
        if (first >= 0) {
          firsts.add(first);
          double credit = sw.weights()[first - prob];
          double pos = (first - left) / (double) Math.max(1, right - left);
          creditSum += credit;
          tp++;
          int who = member(sa[first], sb[first], t);
          tpBy[who]++;
          posHist[Math.min(4, (int) (pos * 5))]++;
          line.append(
              String.format(
                  "  W%d [%d..%d] first %d pos %.2f credit %.2f by %s%n",
                  w, left, right, first, pos, credit, NAMES[who]));
        } else {
          missed++;
          line.append(
              String.format(
                  "  W%d [%d..%d] MISSED maxArt %.3f maxLik %.3f%n", w, left, right, maxA, maxB));
        }
      }
      // false positives
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      Map<Long, double[]> slotRange = new java.util.HashMap<>();
      long firstDay = ts[0] / DAY;
      for (int row = 0; row < ser.size(); row++) {
        double x = v[row];
        long slot = (ts[row] % DAY) / SLOT;
        long day = ts[row] / DAY;
        boolean fp = row >= prob && m.get(i)[row] >= t && sw.windowIds()[row - prob] < 0;
        if (fp || firsts.contains(row)) {
          double cost = sw.weights()[row - prob];
          int who = member(sa[row], sb[row], t);
          StringBuilder tg = new StringBuilder();
          tg.append(x > hi || x < lo ? " newExtreme" : "");
          double tol = 0.1 * (hi - lo);
          tg.append(x > hi + tol || x < lo - tol ? " spatial10" : "");
          tg.append(day - firstDay == 1 ? " day2" : "");
          boolean fam = false;
          for (long s = slot - 1; s <= slot + 1; s++) {
            double[] rg = slotRange.get(Math.floorMod(s, 48L));
            if (rg != null) {
              fold(rg, day);
              fam |= x >= rg[0] && x <= rg[1];
            }
          }
          tg.append(fam ? " todFamiliar" : " todNovel");
          if (row > 0 && ts[row] - ts[row - 1] > 3 * (ts[1] - ts[0])) {
            tg.append(" afterGap");
          }
          tg.append(cost > -0.109 ? " nearWindow" : "");
          String key = (fp ? "FP " : "TP ") + NAMES[who] + ":";
          add(tags, key + "all", cost);
          for (String s : tg.toString().trim().split(" ")) {
            add(tags, key + s, cost);
          }
          if (fp) {
            line.append(
                String.format(
                    "  FP %d (%.0f%%) cost %.3f by %s art %.3f lik %.3f%s%n",
                    row, 100.0 * row / ser.size(), cost, NAMES[who], sa[row], sb[row], tg));
          }
        }
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
        double[] rg =
            slotRange.computeIfAbsent(
                slot,
                k ->
                    new double[] {
                      Double.POSITIVE_INFINITY,
                      Double.NEGATIVE_INFINITY,
                      Double.POSITIVE_INFINITY,
                      Double.NEGATIVE_INFINITY,
                      -1
                    });
        fold(rg, day);
        rg[2] = Math.min(rg[2], x);
        rg[3] = Math.max(rg[3], x);
        rg[4] = day;
      }
      if (verbose) {
        System.out.print(line);
      }
    }
    System.out.printf(
        "TP %d (art %d, lik %d, both %d) missed %d, mean credit %.3f, position quintiles %s%n",
        tp, tpBy[0], tpBy[1], tpBy[2], missed, creditSum / tp, java.util.Arrays.toString(posHist));
    for (Map.Entry<String, double[]> e : tags.entrySet()) {
      System.out.printf(
          "  %-24s n=%3.0f cost %.2f%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
  }

  /** Folds a slot's pending (same-day) range into its earlier-days range once the day changed. */
  private static void fold(double[] rg, long day) {
    if (rg[4] >= 0 && rg[4] < day) {
      rg[0] = Math.min(rg[0], rg[2]);
      rg[1] = Math.max(rg[1], rg[3]);
      rg[2] = Double.POSITIVE_INFINITY;
      rg[3] = Double.NEGATIVE_INFINITY;
      rg[4] = -1;
    }
  }

  /**
   * A catalogue name, or {@code art-seasonal}: the default's ART member (time-of-day damped), or
   * {@code art-seasonal-N}: the same with an N-row ART warm-up.
   */
  private static AnomalyDetectorFactory member(String name) {
    if (name.startsWith("art-seasonal")) {
      int warmup =
          name.equals("art-seasonal")
              ? ArtDetector.Config.defaults().warmupRows()
              : Integer.parseInt(name.substring("art-seasonal-".length()));
      return () ->
          new io.tickwatch.stats.anomaly.SeasonalDampingDetector(
              io.tickwatch.stats.anomaly.StudyDetectors.art(
                  ArtDetector.Config.defaults().capacity(), warmup),
              DetectorCatalog.SEASONAL_SLOT_MINUTES,
              DetectorCatalog.SEASONAL_DAYS,
              DetectorCatalog.SEASONAL_FACTOR);
    }
    return DetectorCatalog.factory(name);
  }

  private static final String[] NAMES = {"art", "lik", "both"};

  private static int member(double a, double b, double t) {
    return a >= t && b >= t ? 2 : (a >= t ? 0 : 1);
  }

  private static void add(Map<String, double[]> tags, String key, double cost) {
    double[] c = tags.computeIfAbsent(key, k -> new double[2]);
    c[0]++;
    c[1] += cost;
  }
}
