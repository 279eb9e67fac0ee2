package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.AnomalyDetector;
import io.tickwatch.stats.anomaly.AnomalyDetectorFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a detector causally over a NAB corpus, optionally writes NAB-layout result files, and scores
 * the result under the three profiles.
 */
public final class NabBenchmark {

  private static final DateTimeFormatter RESULT_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private NabBenchmark() {}

  /**
   * Runs {@code factory}'s detectors over every series (a fresh detector per series, samples fed in
   * order, so each row's score uses only that row and earlier rows).
   *
   * @param progress receives one line per series; never null
   * @return anomaly scores, one array per series in corpus order
   */
  public static List<double[]> detect(
      NabCorpus corpus, AnomalyDetectorFactory factory, Consumer<String> progress) {
    List<double[]> all = new ArrayList<>();
    int i = 0;
    for (NabSeries series : corpus.series()) {
      all.add(detect(series, factory));
      i++;
      progress.accept(
          "["
              + i
              + "/"
              + corpus.series().size()
              + "] "
              + series.key()
              + " ("
              + series.size()
              + " rows)");
    }
    return all;
  }

  /** Runs a fresh detector over one series. */
  public static double[] detect(NabSeries series, AnomalyDetectorFactory factory) {
    AnomalyDetector detector = factory.create();
    double[] scores = new double[series.size()];
    for (int i = 0; i < scores.length; i++) {
      double s = detector.score(series.timestampsMillis()[i], series.values()[i]);
      if (!(s >= 0.0 && s <= 1.0)) {
        throw new IllegalStateException(
            series.key() + " row " + i + ": score " + s + " outside [0,1]");
      }
      scores[i] = s;
    }
    return scores;
  }

  /**
   * Writes {@code <outDir>/<detector>/<category>/<detector>_<file>} with columns {@code
   * timestamp,value,anomaly_score}, NAB's results layout.
   */
  public static void writeResults(
      NabCorpus corpus, List<double[]> scores, String detector, Path outDir) {
    for (int s = 0; s < corpus.series().size(); s++) {
      NabSeries series = corpus.series().get(s);
      Path file =
          outDir
              .resolve(detector)
              .resolve(series.category())
              .resolve(detector + "_" + series.fileName());
      try {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          out.write("timestamp,value,anomaly_score\n");
          double[] rowScores = scores.get(s);
          for (int i = 0; i < series.size(); i++) {
            out.write(RESULT_TIMESTAMP.format(Instant.ofEpochMilli(series.timestampsMillis()[i])));
            out.write(',');
            out.write(Double.toString(series.values()[i]));
            out.write(',');
            out.write(Double.toString(rowScores[i]));
            out.write('\n');
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }
  }

  /** Scores per-series anomaly scores under every profile, with per-category standard scores. */
  public static NabResult score(NabCorpus corpus, List<double[]> scores, String detector) {
    List<NabResult.ProfileScore> profiles = new ArrayList<>();
    List<NabResult.CategoryScore> categories = new ArrayList<>();
    for (NabProfile profile : NabProfile.ALL) {
      List<SweptSeries> swept = new ArrayList<>();
      for (int s = 0; s < corpus.series().size(); s++) {
        swept.add(NabScorer.sweep(corpus.series().get(s), scores.get(s), profile));
      }
      ThresholdScore best = NabScorer.optimise(swept, profile);
      profiles.add(
          new NabResult.ProfileScore(
              profile, best, NabScorer.normalise(best.rawScore(), best.windows(), profile)));
      if (profile.equals(NabProfile.STANDARD)) {
        Map<String, List<SweptSeries>> byCategory = new TreeMap<>();
        for (SweptSeries s : swept) {
          byCategory.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(s);
        }
        byCategory.forEach(
            (category, list) -> {
              ThresholdScore at = NabScorer.scoreAt(list, profile, best.threshold());
              categories.add(
                  new NabResult.CategoryScore(
                      category,
                      list.size(),
                      at,
                      NabScorer.normalise(at.rawScore(), at.windows(), profile)));
            });
      }
    }
    return new NabResult(detector, profiles, categories);
  }
}
