package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AnomalyDetector} owes its callers. Each detector's test extends this
 * and supplies a factory, its configured false-positive level and, where it differs, the size of
 * the events it is meant to catch. Signals: baseline {@link #baseline()} with unit Gaussian noise,
 * one sample per second, {@link #warmupSamples()} quiet samples before any event.
 */
public abstract class AnomalyDetectorContractTest {

  private static final long STEP_MILLIS = 1_000L;
  private static final long T0 = 1_700_000_000_000L;

  /** A fresh detector under test. */
  protected abstract AnomalyDetector newDetector();

  /** The per-sample rate of scores at or above ALARM on i.i.d. unit Gaussian noise. */
  protected abstract double configuredFalsePositiveRate();

  /** Level around which the signals move (some detectors use absolute limits). */
  protected double baseline() {
    return 50.0;
  }

  /** Quiet samples before an injected event. */
  protected int warmupSamples() {
    return 1_200;
  }

  /** Height of the step, in noise standard deviations. */
  protected double stepHeight() {
    return 10.0;
  }

  /** Height of the spike, in noise standard deviations. */
  protected double spikeHeight() {
    return 20.0;
  }

  /** Ramp slope, per sample, in noise standard deviations. */
  protected double rampSlopePerSample() {
    return 0.05;
  }

  /** Samples after the onset within which a step or ramp must be detected. */
  protected int detectionDelaySamples() {
    return 30;
  }

  /** Whether this detector is meant to catch a spike. */
  protected boolean detectsSpike() {
    return true;
  }

  /** Whether this detector is meant to catch a slow ramp (trend detectors); override to skip. */
  protected boolean detectsRamp() {
    return true;
  }

  @Test
  void shouldNeverAlarmOnConstantInput() {
    AnomalyDetector d = newDetector();
    for (int i = 0; i < 3_000; i++) {
      double s = d.score(T0 + i * STEP_MILLIS, baseline());
      assertThat(s).as("sample %d", i).isBetween(0.0, 1.0).isLessThan(AnomalyDetector.ALARM);
    }
  }

  @Test
  void shouldKeepTheConfiguredFalsePositiveRateOnGaussianNoise() {
    int n = 20_000;
    AnomalyDetector d = newDetector();
    Random random = new Random(42);
    int alarms = 0;
    for (int i = 0; i < n; i++) {
      double s = d.score(T0 + i * STEP_MILLIS, baseline() + random.nextGaussian());
      assertThat(s).isBetween(0.0, 1.0);
      if (s >= AnomalyDetector.ALARM) {
        alarms++;
      }
    }
    double alpha = configuredFalsePositiveRate();
    // binomial mean plus three standard deviations, plus one for tiny alphas
    double bound = n * alpha + 3 * Math.sqrt(n * alpha * (1 - alpha)) + 1;
    assertThat((double) alarms).isLessThanOrEqualTo(bound);
  }

  @Test
  void shouldGiveIdenticalScoresOnReplay() {
    Random first = new Random(21);
    Random second = new Random(21);
    AnomalyDetector a = newDetector();
    AnomalyDetector b = newDetector();
    for (int i = 0; i < 3_000; i++) {
      double va = baseline() + first.nextGaussian() + (i % 700 == 0 ? spikeHeight() : 0.0);
      double vb = baseline() + second.nextGaussian() + (i % 700 == 0 ? spikeHeight() : 0.0);
      assertThat(a.score(T0 + i * STEP_MILLIS, va)).isEqualTo(b.score(T0 + i * STEP_MILLIS, vb));
    }
  }

  @Test
  void shouldContinueIdenticallyAfterSnapshotAndRestore() {
    Random random = new Random(17);
    double[] values = new double[3_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = baseline() + random.nextGaussian() + (i % 900 == 0 ? spikeHeight() : 0.0);
    }
    AnomalyDetector original = newDetector();
    for (int i = 0; i < 1_500; i++) {
      original.score(T0 + i * STEP_MILLIS, values[i]);
    }
    AnomalyDetector restored = DetectorSnapshots.restore(DetectorSnapshots.snapshot(original));
    assertThat(restored).isNotSameAs(original).isInstanceOf(original.getClass());
    for (int i = 1_500; i < values.length; i++) {
      long t = T0 + i * STEP_MILLIS;
      assertThat(restored.score(t, values[i]))
          .as("sample %d", i)
          .isEqualTo(original.score(t, values[i]));
    }
  }

  @Test
  void shouldIgnoreNonFiniteValues() {
    AnomalyDetector d = newDetector();
    Random random = new Random(5);
    for (int i = 0; i < 500; i++) {
      d.score(T0 + i * STEP_MILLIS, baseline() + random.nextGaussian());
    }
    assertThat(d.score(T0 + 500 * STEP_MILLIS, Double.NaN)).isZero();
    assertThat(d.score(T0 + 501 * STEP_MILLIS, Double.POSITIVE_INFINITY)).isZero();
  }

  @Test
  void shouldDetectAStep() {
    AnomalyDetector d = newDetector();
    Random random = new Random(7);
    int onset = warmupSamples();
    boolean detected = false;
    for (int i = 0; i < onset + detectionDelaySamples(); i++) {
      double shift = i >= onset ? stepHeight() : 0.0;
      double s = d.score(T0 + i * STEP_MILLIS, baseline() + shift + random.nextGaussian());
      if (i >= onset && s >= AnomalyDetector.ALARM) {
        detected = true;
      }
    }
    assertThat(detected).as("step detected within %d samples", detectionDelaySamples()).isTrue();
  }

  @Test
  void shouldDetectASpike() {
    assumeTrue(detectsSpike(), "not a spike detector");
    AnomalyDetector d = newDetector();
    Random random = new Random(11);
    int onset = warmupSamples();
    double spikeScore = 0;
    for (int i = 0; i <= onset; i++) {
      double v = baseline() + random.nextGaussian() + (i == onset ? spikeHeight() : 0.0);
      spikeScore = d.score(T0 + i * STEP_MILLIS, v);
    }
    assertThat(spikeScore).isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
  }

  @Test
  void shouldDetectARamp() {
    assumeTrue(detectsRamp(), "not a trend detector");
    AnomalyDetector d = newDetector();
    Random random = new Random(13);
    int onset = warmupSamples();
    int firstAlarm = -1;
    for (int i = 0; i < onset + 2_000 && firstAlarm < 0; i++) {
      double rise = i >= onset ? (i - onset) * rampSlopePerSample() : 0.0;
      double s = d.score(T0 + i * STEP_MILLIS, baseline() + rise + random.nextGaussian());
      if (i >= onset && s >= AnomalyDetector.ALARM) {
        firstAlarm = i;
      }
    }
    assertThat(firstAlarm).as("first alarm after the ramp's onset").isGreaterThanOrEqualTo(onset);
  }
}
