package io.tickwatch.streams.ab;

import static io.tickwatch.streams.ab.AbDriver.T0;
import static io.tickwatch.streams.ab.AbDriver.batch;
import static io.tickwatch.streams.ab.AbDriver.digest;
import static io.tickwatch.streams.ab.AbDriver.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.MetricComparison;
import io.tickwatch.avro.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology with the real statistics ({@code AbAnalyzer}): verdicts as data arrive. */
class AbVerdictTest {

  private static final AbConfig CONFIG =
      AbConfig.defaults().withCadence(Duration.ofSeconds(5), Duration.ofSeconds(1));

  @TempDir Path dir;

  /**
   * Pipes {@code seconds} of batches (10 per second): per batch and variant 20 latencies from a
   * normal distribution and {@code units} new units.
   */
  private static List<AbResult> run(
      Path dir,
      double controlMean,
      double pooledMean,
      int controlUnits,
      int pooledUnits,
      int seconds,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    try (AbDriver d = new AbDriver(CONFIG, AbAnalysisFunction.standard(), dir)) {
      d.experiment(running(ExperimentStatus.RUNNING));
      for (int i = 0; i < seconds * 10; i++) {
        d.pipe(
            batch(
                "host-" + (i % 3),
                T0 + i * 100L,
                List.of(
                    digest("ab.latency", "control", normal(random, controlMean, 20, 20)),
                    digest("ab.units", "control", new double[controlUnits]),
                    digest("ab.latency", "pooled", normal(random, pooledMean, 20, 20)),
                    digest("ab.units", "pooled", new double[pooledUnits]))));
      }
      return List.copyOf(d.results());
    }
  }

  private static double[] normal(SplittableRandom random, double mean, double sd, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double u1 = random.nextDouble();
      double u2 = random.nextDouble();
      double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      values[i] = Math.max(1, mean + sd * z);
    }
    return values;
  }

  private static MetricComparison primary(AbResult r) {
    return r.getComparisons().get(0);
  }

  @Test
  void shouldConvergeToBetterForAFasterTreatmentWithNonIncreasingSequentialPValues() {
    List<AbResult> results = run(dir, 100, 90, 5, 5, 60, 42);

    assertThat(results).hasSize(11); // windows ending at 5 .. 55 s
    AbResult last = results.get(results.size() - 1);
    assertThat(last.getVerdict()).isEqualTo(Verdict.BETTER);
    assertThat(primary(last).getMeanDifference()).isBetween(-12.0, -8.0);
    assertThat(primary(last).getDifferenceCiHigh()).isNegative();
    assertThat(last.getSrmPValue()).isGreaterThan(0.001);
    for (int i = 1; i < results.size(); i++) {
      assertThat(primary(results.get(i)).getSequentialPValue())
          .isLessThanOrEqualTo(primary(results.get(i - 1)).getSequentialPValue());
    }
    // once decided, it stays decided (the always-valid p-value never rises again)
    int firstBetter = -1;
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).getVerdict() == Verdict.BETTER && firstBetter < 0) {
        firstBetter = i;
      }
    }
    assertThat(results.subList(firstBetter, results.size()))
        .allMatch(r -> r.getVerdict() == Verdict.BETTER);
  }

  @Test
  void shouldStayUndecidedInAnAaExperiment() {
    List<AbResult> results = run(dir, 100, 100, 5, 5, 60, 7);

    assertThat(results).hasSize(11);
    assertThat(results)
        .extracting(AbResult::getVerdict)
        .doesNotContain(Verdict.BETTER, Verdict.WORSE);
  }

  @Test
  void shouldMarkASampleRatioMismatchInvalid() {
    List<AbResult> results = run(dir, 100, 90, 7, 3, 30, 3);

    AbResult last = results.get(results.size() - 1);
    assertThat(last.getSrmPValue()).isLessThan(0.001);
    assertThat(last.getVerdict()).isEqualTo(Verdict.INVALID);
    assertThat(String.join(" ", last.getReasons())).containsIgnoringCase("sample ratio");
  }
}
