package io.tickwatch.stats.ab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class QuantileIntervalsTest {

  private static LogBucketSketch sketch(int n, double scale) {
    LogBucketSketch s = LogBucketSketch.withDefaultAccuracy();
    for (int i = 1; i <= n; i++) {
      s.add(i * scale);
    }
    return s;
  }

  @Property(tries = 200)
  void shouldReadTheSameOrderStatisticsAsTheSketch(
      @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -5, max = 1e4) Double> values,
      @ForAll @DoubleRange(min = 0, max = 1) double q) {
    LogBucketSketch s = LogBucketSketch.withDefaultAccuracy();
    values.forEach(s::add);
    RankedSketch ranked = new RankedSketch(s);

    assertThat(QuantileIntervals.pointEstimate(ranked, q)).isEqualTo(s.quantile(q));
  }

  @Test
  void shouldBracketTheDifferenceAndWidenBySketchAccuracy() {
    QuantileDifference d =
        QuantileIntervals.difference(sketch(2000, 1), sketch(2000, 1.5), 0.95, 0.95);

    // p95 of 1..2000 is ~1900 and ~2850: difference ~950 within the sketch's 1 %
    assertThat(d.quantile()).isEqualTo(0.95);
    assertThat(d.difference()).isBetween(900.0, 1000.0);
    assertThat(d.ciLow()).isLessThan(d.difference());
    assertThat(d.ciHigh()).isGreaterThan(d.difference());
    // the widening alone is 1 % of |Q_t| + |Q_c|
    assertThat(d.ciHigh() - d.ciLow()).isGreaterThan(2 * 0.01 * (1900 + 2850));
  }

  @Test
  void shouldGiveNoIntervalWhenTooFewValuesSupportTheQuantile() {
    // n q (1 - q) = 500 * 0.99 * 0.01 = 4.95 < 5: no p99 interval, but p95 (23.75) has one
    QuantileDifference p99 =
        QuantileIntervals.difference(sketch(500, 1), sketch(500, 1), 0.99, 0.95);
    QuantileDifference p95 =
        QuantileIntervals.difference(sketch(500, 1), sketch(500, 1), 0.95, 0.95);

    assertThat(p99.difference()).isEqualTo(0.0);
    assertThat(p99.ciLow()).isNaN();
    assertThat(p99.ciHigh()).isNaN();
    assertThat(p95.ciLow()).isNegative();
    assertThat(p95.ciHigh()).isPositive();
  }

  @Test
  void shouldBeNaNForAnEmptyArm() {
    QuantileDifference d =
        QuantileIntervals.difference(
            LogBucketSketch.withDefaultAccuracy(), sketch(10, 1), 0.5, 0.95);

    assertThat(d.difference()).isNaN();
    assertThat(d.ciLow()).isNaN();
  }
}
