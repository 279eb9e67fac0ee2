package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.AnomalyDetectorFactory;
import io.tickwatch.stats.anomaly.BocpdDetector;
import io.tickwatch.stats.anomaly.CusumDetector;
import io.tickwatch.stats.anomaly.EnsembleCpdDetector;
import io.tickwatch.stats.anomaly.EnsembleDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Development helper (not a test): in-sample scores and leave-one-category-out check of the
 * changepoint grids. Argument 3: {@code bocpd} (the changepoint detector alone), {@code combo}
 * ({@link EnsembleCpdDetector}: the default ensemble plus the changepoint channel), {@code cusum}
 * or {@code cusum-combo} (the ensemble and a CUSUM in a {@link
 * io.tickwatch.stats.anomaly.PairedDetector}). Grid values come from system properties (comma
 * lists): {@code tempers hazards minruns shortruns evidences sigmas boosts calibrations} for the
 * changepoint grids, {@code allowances clips alarms} for the CUSUM ones. For each labelled
 * category, picks the grid configuration and threshold that score best on the other categories,
 * then scores the held-out one with them; pools raw scores. The runs reported in docs/ANOMALIES.md:
 *
 * <pre>
 * java -Dtempers=1 -Devidences=0 -Dminruns=1,2 -Dcalibrations=1000 -Dsigmas=5 ... bocpd
 * java -Dtempers=1 -Dsigmas=3 ... bocpd                      (uncalibrated, gate 1,2)
 * java -Dtempers=0.05,0.15,0.4 -Dsigmas=3 ... bocpd          (tempered, see the class comment)
 * java -Dtempers=1 -Dsigmas=4,6,8 ... combo                  (uncalibrated channel)
 * java -Dtempers=1 -Dsigmas=7,10,14,20 -Devidences=0 -Dminruns=1,2 -Dcalibrations=1000 ... combo
 * java -Dtempers=1 -Dsigmas=1000 -Dminruns=1 -Devidences=1,2 -Dboosts=0.1,0.25,0.5 ... combo
 * java ... cusum ;  java -Dalarms=15,30,60 ... cusum-combo
 * </pre>
 *
 * (the ensemble's own parameters stay at their defaults, which were chosen on the whole corpus).
 */
public final class NabCpdHoldout {
  private NabCpdHoldout() {}

  private static double[] parse(String csv) {
    return java.util.Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  /**
   * CUSUM alone, or the ensemble with a CUSUM channel combined like {@link EnsembleCpdDetector}
   * (larger score, the other channel damped for 50 rows after an alarm).
   */
  private static void cusumGrid(
      boolean combo, List<String> labels, List<AnomalyDetectorFactory> grid) {
    for (double k : parse(System.getProperty("allowances", "0.5,1,2"))) {
      for (double clip : parse(System.getProperty("clips", "3,5"))) {
        for (double h : parse(System.getProperty("alarms", "8,15,30"))) {
          CusumDetector.Config c = new CusumDetector.Config(1000, 30, k, clip, h, 100);
          labels.add(String.format("cusum k %.1f clip %.0f h %.0f", k, clip, h));
          grid.add(
              combo
                  ? () ->
                      new io.tickwatch.stats.anomaly.PairedDetector(
                          new EnsembleDetector(), new CusumDetector(c), 50)
                  : () -> new CusumDetector(c));
        }
      }
    }
  }

  public static void main(String[] args) {
    NabCorpus corpus = NabCorpus.load(Path.of(args[0]), Path.of(args[1]));
    boolean combo = args.length > 2 && args[2].equals("combo");
    List<String> labels = new ArrayList<>();
    List<AnomalyDetectorFactory> grid = new ArrayList<>();
    if (args.length > 2 && args[2].startsWith("cusum")) {
      cusumGrid(args[2].equals("cusum-combo"), labels, grid);
    } else {
      double[] tempers = parse(System.getProperty("tempers", "0.1,0.3"));
      double[] hazards = parse(System.getProperty("hazards", "250"));
      double[] evidences = parse(System.getProperty("evidences", "1,2"));
      double[] boosts = parse(System.getProperty("boosts", "0"));
      double[] calibrations = parse(System.getProperty("calibrations", "0"));
      double[] sigmas = parse(System.getProperty("sigmas", "3,5,7"));
      int[] minRuns =
          java.util.Arrays.stream(parse(System.getProperty("minruns", "1,2")))
              .mapToInt(v -> (int) v)
              .toArray();
      int[] shortRuns =
          java.util.Arrays.stream(parse(System.getProperty("shortruns", "15")))
              .mapToInt(v -> (int) v)
              .toArray();
      for (double temper : tempers)
        for (double hazard : hazards) {
          for (int minRun : minRuns) {
            for (int shortRun : shortRuns) {
              for (double evidence : evidences)
                for (double sigma : sigmas)
                  for (double boost : boosts)
                    for (double calib : calibrations) {
                      BocpdDetector.Config c =
                          new BocpdDetector.Config(
                              1000,
                              30,
                              hazard,
                              50,
                              0.1,
                              1.0,
                              1.0,
                              temper,
                              minRun,
                              shortRun,
                              evidence,
                              sigma,
                              (int) calib,
                              100);
                      labels.add(
                          String.format(
                              "temper %.2f hazard 1/%.0f runs %d-%d gate %.1f sigmas %.1f boost %.2f calib %.0f",
                              temper, hazard, minRun, shortRun, evidence, sigma, boost, calib));
                      grid.add(
                          combo
                              ? () ->
                                  new EnsembleCpdDetector(
                                      new EnsembleCpdDetector.Config(
                                          EnsembleDetector.Config.defaults(), c, 50, boost))
                              : () -> new BocpdDetector(c));
                    }
            }
          }
        }
    }
    NabProfile profile = NabProfile.STANDARD;
    List<List<SweptSeries>> swept = new ArrayList<>();
    for (int g = 0; g < grid.size(); g++) {
      List<double[]> scores = NabBenchmark.detect(corpus, grid.get(g), s -> {});
      NabResult r = NabBenchmark.score(corpus, scores, labels.get(g));
      StringBuilder sb = new StringBuilder(String.format("%-40s", labels.get(g)));
      for (NabResult.ProfileScore p : r.profiles()) {
        sb.append(
            String.format(
                " %.1f(tp=%d fp=%d)",
                p.normalizedScore(), p.best().detectedWindows(), p.best().falsePositives()));
      }
      for (NabResult.CategoryScore c : r.categories()) {
        sb.append(String.format(" %.1f", c.normalizedScore()));
      }
      System.out.println(sb);
      List<SweptSeries> list = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        list.add(NabScorer.sweep(corpus.series().get(i), scores.get(i), profile));
      }
      swept.add(list);
    }
    HoldoutReport.print(CategoryHoldout.evaluate(swept, profile), g -> labels.get(g));
  }
}
