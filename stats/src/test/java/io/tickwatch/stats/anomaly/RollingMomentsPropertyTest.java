package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RollingMomentsPropertyTest {

  @Property
  void welfordAddRemoveShouldEqualTheNaiveFormulaOverTheWindow(
      @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e4, max = 1e4) Double> xs,
      @ForAll @IntRange(min = 2, max = 50) int capacity) {
    RollingMoments m = new RollingMoments(capacity);
    for (int i = 0; i < xs.size(); i++) {
      m.add(xs.get(i));
      double[] window =
          xs.subList(Math.max(0, i + 1 - capacity), i + 1).stream()
              .mapToDouble(Double::doubleValue)
              .toArray();
      double mean = Arrays.stream(window).average().orElseThrow();
      double ss = Arrays.stream(window).map(v -> (v - mean) * (v - mean)).sum();
      double sd = window.length < 2 ? 0.0 : Math.sqrt(ss / (window.length - 1));
      // rounding allowance: relative to the magnitudes seen since the last exact recomputation
      double scale =
          1
              + xs.subList(Math.max(0, i + 1 - 2 * capacity), i + 1).stream()
                  .mapToDouble(Math::abs)
                  .max()
                  .orElse(0);
      assertThat(m.size()).isEqualTo(window.length);
      assertThat(m.mean()).isCloseTo(mean, within(1e-9 * scale));
      assertThat(m.sampleStdDev()).isCloseTo(sd, within(1e-6 * scale * Math.sqrt(capacity)));
    }
  }
}
