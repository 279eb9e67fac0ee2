package io.tickwatch.stats.anomaly;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of one sample through each detector: ns per {@link AnomalyDetector#score} call on a detector
 * in steady state (numbers in docs/ANOMALIES.md, "Cost").
 *
 * <p>The {@code detector} parameter ({@link DetectorNames}, generated at build time) is every name
 * of {@link DetectorCatalog} plus {@link #EXTRA_DETECTORS}: {@code memory-leak} ({@link
 * MemoryLeakDetector} with its defaults) and {@code degradation} (one {@link
 * DegradationScorer#update} over three series per call). The {@code input} parameter is a seeded
 * series of 65,536 values, 1 s apart (the rate of the anomaly topology's 1 s windows):
 *
 * <ul>
 *   <li>{@code noise-spikes}: a CPU-percent-like level of 40 with Gaussian noise (sd 3) and a spike
 *       of +45 on about one value in 1,000;
 *   <li>{@code random-walk}: NAB-like, a mean-reverting random walk (Ornstein-Uhlenbeck, sd 1 per
 *       step) around 50 with an occasional level shift.
 * </ul>
 *
 * <p>Steady state: each trial first feeds 10,000 values (every window and nearest-neighbour history
 * full), then the benchmark cycles through the array with strictly increasing timestamps. Every
 * detector's state is fixed-size arrays (rings, sorted windows, per-slot envelopes), so the cost
 * cannot drift with the number of calls; the cycle (65,536 values) is longer than any history (at
 * most 1,500 vectors), so a repeated value never meets its own earlier copy.
 *
 * <pre>
 * mvn -B -pl stats -am -Pjmh -DskipTests process-test-classes \
 *     -Djmh.args="DetectorBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s"
 * </pre>
 *
 * <p>Add {@code -p detector=ensemble,zscore} or {@code -p input=noise-spikes} to narrow the run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectorBenchmark {

  /** Detectors benchmarked besides the catalogue's (also listed in DetectorNamesGenerator). */
  public static final List<String> EXTRA_DETECTORS = List.of("memory-leak", "degradation");

  static final int LENGTH = 1 << 16;
  static final int WARM_UP_ROWS = 10_000;
  static final long STEP_MILLIS = 1_000L;
  static final long START_MILLIS = 1_700_000_000_000L;

  /** A warmed-up detector and its input. */
  @State(Scope.Thread)
  public static class Running {
    @Param({"noise-spikes", "random-walk"})
    public String input;

    AnomalyDetector detector;
    DegradationScorer degradation;
    double[] values;
    long row;

    @Setup(Level.Trial)
    public void setUp(DetectorNames names) {
      values = input(input, LENGTH);
      String name = names.detector;
      if (name.equals("degradation")) {
        degradation = new DegradationScorer();
      } else {
        detector = detector(name);
      }
      for (int i = 0; i < WARM_UP_ROWS; i++) {
        step();
      }
    }

    /** One sample: a score (or a degradation record) for the next value. */
    Object stepDegradation() {
      long r = row++;
      int i = (int) r & (LENGTH - 1);
      return degradation.update(
          START_MILLIS + r * STEP_MILLIS,
          values[i],
          values[(i + 7919) & (LENGTH - 1)],
          values[(i + 31_337) & (LENGTH - 1)]);
    }

    double stepDetector() {
      long r = row++;
      return detector.score(START_MILLIS + r * STEP_MILLIS, values[(int) r & (LENGTH - 1)]);
    }

    private void step() {
      if (detector != null) {
        stepDetector();
      } else {
        stepDegradation();
      }
    }
  }

  @Benchmark
  public void score(Running running, Blackhole blackhole) {
    if (running.detector != null) {
      blackhole.consume(running.stepDetector());
    } else {
      blackhole.consume(running.stepDegradation());
    }
  }

  static AnomalyDetector detector(String name) {
    if (DetectorCatalog.names().contains(name)) {
      return DetectorCatalog.factory(name).create();
    }
    if (name.equals("memory-leak")) {
      return new MemoryLeakDetector();
    }
    throw new IllegalArgumentException(
        "unknown detector '"
            + name
            + "'; known: "
            + String.join(", ", DetectorCatalog.names())
            + ", "
            + String.join(", ", EXTRA_DETECTORS));
  }

  /** The seeded input series named {@code kind}. */
  static double[] input(String kind, int length) {
    SplittableRandom random = new SplittableRandom(20261128L);
    double[] values = new double[length];
    switch (kind) {
      case "noise-spikes" -> {
        for (int i = 0; i < length; i++) {
          values[i] = 40 + 3 * gaussian(random) + (random.nextInt(1000) == 0 ? 45 : 0);
        }
      }
      case "random-walk" -> {
        double level = 50;
        double x = level;
        for (int i = 0; i < length; i++) {
          if (random.nextInt(5000) == 0) {
            level = 30 + 40 * random.nextDouble();
          }
          x += 0.02 * (level - x) + gaussian(random);
          values[i] = x;
        }
      }
      default ->
          throw new IllegalArgumentException(
              "unknown input '" + kind + "'; known: noise-spikes, random-walk");
    }
    return values;
  }

  /** A standard normal value (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
