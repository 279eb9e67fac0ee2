package io.tickwatch.stats.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class NabScorerPropertyTest {

  private static NabSeries series(int windowStart, int windowLength) {
    long[] ts = new long[200];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = i * 1_000L;
    }
    return new NabSeries(
        "c",
        "f.csv",
        ts,
        new double[200],
        List.of(new NabWindow(windowStart * 1_000L, (windowStart + windowLength - 1) * 1_000L)));
  }

  @Property(tries = 200)
  void optimisedThresholdShouldScoreAtLeastAsWellAsAnyOther(
      @ForAll @Size(200) List<@DoubleRange(min = 0, max = 1) Double> scores,
      @ForAll @IntRange(min = 40, max = 150) int windowStart,
      @ForAll @IntRange(min = 1, max = 40) int windowLength,
      @ForAll @DoubleRange(min = 0, max = 1) double anyThreshold) {
    double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
    for (NabProfile profile : NabProfile.ALL) {
      List<SweptSeries> swept =
          List.of(NabScorer.sweep(series(windowStart, windowLength), s, profile));
      ThresholdScore best = NabScorer.optimise(swept, profile);
      assertThat(best.rawScore())
          .isGreaterThanOrEqualTo(
              NabScorer.scoreAt(swept, profile, anyThreshold).rawScore() - 1e-12);
      assertThat(NabScorer.scoreAt(swept, profile, best.threshold()).rawScore())
          .isCloseTo(best.rawScore(), within(1e-9));
      double normalised = NabScorer.normalise(best.rawScore(), best.windows(), profile);
      assertThat(normalised).isBetween(0.0 - 1e-9, 100.0 + 1e-9);
    }
  }
}
