package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ArtDetectorTest extends AnomalyDetectorContractTest {

  private static final long T0 = 1_700_000_000_000L;

  @Override
  protected AnomalyDetector newDetector() {
    return new ArtDetector();
  }

  /** Noise windows of 16 values keep being somewhat novel: about one alarm per 500 rows. */
  @Override
  protected double configuredFalsePositiveRate() {
    return 0.002;
  }

  /**
   * Scores arrive on the last row of each downsampling block: the contract's events start on a
   * block's last row (the detector's own timing, not a tuning to the test).
   */
  @Override
  protected int warmupSamples() {
    int step = ArtDetector.Config.defaults().step();
    return 1_200 / step * step + step - 1;
  }

  // --- the ART memory ---

  @Test
  void shouldCommitACategoryForANovelPatternAndFlagIt() {
    DualVigilanceArt art = new DualVigilanceArt(4, 10, 3);
    art.setVigilance(0.8, 0.9);
    assertThat(art.present(new double[] {0.1, 0.2, 0.1, 0.2}))
        .isFalse(); // first input: nothing to compare
    assertThat(art.categories()).isEqualTo(1);

    boolean novel = art.present(new double[] {0.9, 0.8, 0.9, 0.9});

    assertThat(novel).isTrue();
    assertThat(art.categories()).isEqualTo(2);
    assertThat(art.lastResonance()).isLessThan(0.8);
  }

  @Test
  void shouldResonateWithARepeatedPatternWithoutNewCategories() {
    DualVigilanceArt art = new DualVigilanceArt(4, 10, 3);
    art.setVigilance(0.8, 0.9);
    art.present(new double[] {0.1, 0.2, 0.1, 0.2});
    art.present(new double[] {0.9, 0.8, 0.9, 0.9});

    for (int i = 0; i < 20; i++) {
      assertThat(art.present(new double[] {0.1, 0.2, 0.1, 0.2})).isFalse();
      assertThat(art.lastResonance()).isEqualTo(1.0);
    }
    assertThat(art.categories()).isEqualTo(2);
  }

  @Test
  void shouldCommitButNotFlagAVariationBetweenTheVigilanceLevels() {
    DualVigilanceArt art = new DualVigilanceArt(4, 10, 3);
    art.setVigilance(0.5, 0.99);
    art.present(new double[] {0.5, 0.5, 0.5, 0.5});

    boolean novel = art.present(new double[] {0.55, 0.5, 0.5, 0.5});

    assertThat(novel).isFalse();
    assertThat(art.lastResonance()).isBetween(0.5, 0.99);
    assertThat(art.categories()).isEqualTo(2);
  }

  @Test
  void shouldKeepTheCategoryCountWithinItsCapacity() {
    DualVigilanceArt art = new DualVigilanceArt(4, 16, 3);
    art.setVigilance(0.99, 0.999);
    Random random = new Random(3);
    for (int i = 0; i < 2_000; i++) {
      art.present(
          new double[] {
            random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()
          });
      assertThat(art.categories()).isLessThanOrEqualTo(16);
    }
    assertThat(art.categories()).isEqualTo(16);
  }

  @Test
  void shouldStillResonateAfterTheValueRangeIsRescaled() {
    DualVigilanceArt art = new DualVigilanceArt(2, 10, 1);
    art.setVigilance(0.9, 0.95);
    art.present(new double[] {0.2, 0.6});
    art.present(new double[] {0.3, 0.8}); // novel, second box
    // the level feature (index 1) is now expressed in a range twice as wide, shifted by 0.25
    art.rescale(1, 2, 0.5, 0.25);

    assertThat(art.present(new double[] {0.3, 0.8 * 0.5 + 0.25})).isFalse();
    assertThat(art.lastResonance()).isEqualTo(1.0);
  }

  @Test
  void shouldDecomposeAConstantWindowIntoItsApproximationOnly() {
    double[] out = new double[4];
    HaarFeatures.transform(new double[] {1, 1, 1, 1}, out, 4);
    assertThat(out[0]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(out[1]).isZero();
    assertThat(out[2]).isZero();
    assertThat(out[3]).isZero();
    assertThatThrownBy(() -> HaarFeatures.transform(new double[3], new double[3], 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- the detector ---

  @Test
  void shouldScoreARepeatedPatternLowAndANewPatternHigh() {
    ArtDetector d = new ArtDetector();
    int period = 70;
    double maxOnRepeats = 0;
    int n = 6_000;
    for (int i = 0; i < n; i++) {
      double s = d.score(T0 + i * 1_000L, 50 + 10 * Math.sin(2 * Math.PI * i / period));
      if (i > 3_000) {
        maxOnRepeats = Math.max(maxOnRepeats, s);
      }
    }
    assertThat(maxOnRepeats).as("a pattern seen many times").isLessThan(AnomalyDetector.ALARM);
    int categoriesBefore = d.categories();

    double maxOnNew = 0;
    for (int i = n; i < n + 200; i++) {
      // the cycle flattens at its low point: every value in the known range, the shape is new
      double s = d.score(T0 + i * 1_000L, 40.5);
      maxOnNew = Math.max(maxOnNew, s);
    }
    assertThat(maxOnNew).as("a pattern never seen").isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
    assertThat(d.categories()).isGreaterThan(categoriesBefore);
  }

  @Test
  void shouldBoundItsCategoriesOnAnEndlessNovelSeries() {
    ArtDetector.Config small = new ArtDetector.Config(200, 2, 8, 80, 0.0, 0.1, 0.0, 0.8, 32, 0.5);
    ArtDetector d = new ArtDetector(small);
    Random random = new Random(9);
    for (int i = 0; i < 20_000; i++) {
      d.score(T0 + i * 1_000L, i + 50 * random.nextDouble());
      assertThat(d.categories()).isLessThanOrEqualTo(32);
    }
    assertThat(d.categories()).isEqualTo(32);
  }

  @Test
  void shouldContinueIdenticallyWhenSnapshottedDuringTheWarmup() {
    Random random = new Random(4);
    double[] values = new double[2_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 10 + random.nextGaussian() + (i % 333 == 0 ? 15 : 0);
    }
    ArtDetector original = new ArtDetector();
    for (int i = 0; i < 101; i++) {
      original.score(T0 + i * 1_000L, values[i]);
    }
    AnomalyDetector restored = DetectorSnapshots.restore(DetectorSnapshots.snapshot(original));
    for (int i = 101; i < values.length; i++) {
      long t = T0 + i * 1_000L;
      assertThat(restored.score(t, values[i])).isEqualTo(original.score(t, values[i]));
    }
  }

  @Test
  void shouldRejectAWindowThatIsNotAPowerOfTwo() {
    assertThatThrownBy(() -> new ArtDetector.Config(200, 2, 6, 80, 0.05, 0.1, 0, 0.8, 100, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
