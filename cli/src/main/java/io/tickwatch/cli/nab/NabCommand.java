package io.tickwatch.cli.nab;

import io.tickwatch.stats.anomaly.DetectorCatalog;
import io.tickwatch.stats.nab.CategoryHoldout;
import io.tickwatch.stats.nab.NabBenchmark;
import io.tickwatch.stats.nab.NabCorpus;
import io.tickwatch.stats.nab.NabProfile;
import io.tickwatch.stats.nab.NabReport;
import io.tickwatch.stats.nab.NabResult;
import io.tickwatch.stats.nab.NabScorer;
import io.tickwatch.stats.nab.SweptSeries;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch nab}: runs detectors causally over a NAB corpus, writes NAB-layout results and
 * prints the standard, reward-low-FP and reward-low-FN scores (our implementation of NAB's scoring,
 * threshold optimised per profile) and the per-category standard scores. Progress goes to stderr,
 * scores to stdout. Exit code 0 on success, 2 on bad input.
 */
@Command(
    name = "nab",
    mixinStandardHelpOptions = true,
    description = "Score anomaly detectors on the Numenta Anomaly Benchmark.")
public final class NabCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "NAB data directory: <category>/<file>.csv")
  Path dataDir;

  @Option(
      names = "--windows",
      required = true,
      paramLabel = "FILE",
      description = "NAB combined_windows.json")
  Path windowsFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "results directory: <out>/<detector>/<category>/<detector>_<file>.csv")
  Path outDir;

  @Option(
      names = "--detector",
      paramLabel = "NAME",
      description =
          "detector name, a comma-separated list, or 'all' (default: ${DEFAULT-VALUE}); known: "
              + "${COMPLETION-CANDIDATES}",
      defaultValue = DetectorCatalog.DEFAULT_NAME,
      completionCandidates = DetectorNames.class)
  String detector;

  @Option(
      names = "--holdout",
      description =
          "also print the leave-one-category-out score: each labelled category scored at the"
              + " standard threshold chosen on the other categories, then pooled (an estimate for"
              + " series the detector was not tuned on)")
  boolean holdout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> names = detectorNames();
    NabCorpus corpus = corpus();
    err.printf(
        "nab: %d series, %d windows, detectors %s%n",
        corpus.series().size(), corpus.windowCount(), String.join(", ", names));
    err.flush();
    for (String name : names) {
      List<double[]> scores =
          NabBenchmark.detect(
              corpus,
              DetectorCatalog.factory(name),
              line -> {
                err.println("nab: " + name + " " + line);
                err.flush();
              });
      NabBenchmark.writeResults(corpus, scores, name, outDir);
      NabResult result = NabBenchmark.score(corpus, scores, name);
      NabReport.lines(result).forEach(out::println);
      if (holdout) {
        printHoldout(corpus, scores, out, err);
      }
      out.flush();
    }
    return 0;
  }

  private static void printHoldout(
      NabCorpus corpus, List<double[]> scores, PrintWriter out, PrintWriter err) {
    List<SweptSeries> swept = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      swept.add(NabScorer.sweep(corpus.series().get(i), scores.get(i), NabProfile.STANDARD));
    }
    try {
      NabReport.holdoutLines(CategoryHoldout.evaluate(List.of(swept), NabProfile.STANDARD))
          .forEach(out::println);
    } catch (IllegalArgumentException e) {
      err.println("nab: no leave-one-category-out score: " + e.getMessage());
    }
  }

  private NabCorpus corpus() {
    if (!Files.isDirectory(dataDir)) {
      throw new ParameterException(spec.commandLine(), "data directory not found: " + dataDir);
    }
    if (!Files.isRegularFile(windowsFile)) {
      throw new ParameterException(spec.commandLine(), "windows file not found: " + windowsFile);
    }
    try {
      return NabCorpus.load(dataDir, windowsFile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
    }
  }

  private List<String> detectorNames() {
    if (detector.equals("all")) {
      return DetectorCatalog.names();
    }
    List<String> names = new ArrayList<>();
    for (String name : detector.split(",")) {
      try {
        DetectorCatalog.factory(name.trim());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      names.add(name.trim());
    }
    return names;
  }

  /** Completion candidates for {@code --detector}. */
  static final class DetectorNames extends ArrayList<String> {
    DetectorNames() {
      super(DetectorCatalog.names());
    }
  }
}
