package io.tickwatch.stats.rolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class MomentsPropertiesTest {

  @Provide
  Arbitrary<List<Double>> values() {
    return Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.doubles().between(0, 100),
            Arbitraries.doubles().between(1e9, 1e9 + 1000))
        .list()
        .ofMinSize(1)
        .ofMaxSize(500)
        .injectDuplicates(0.3);
  }

  private static Moments of(List<Double> values) {
    Moments moments = new Moments();
    values.forEach(moments::add);
    return moments;
  }

  private static double scale(List<Double> values) {
    double scale = 1;
    for (double v : values) {
      scale = Math.max(scale, Math.abs(v));
    }
    return scale;
  }

  @Property(tries = 300)
  void shouldEqualTheTwoPassMeanAndVariance(@ForAll("values") List<Double> values) {
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double variance = squares / values.size();

    Moments moments = of(values);

    double scale = scale(values);
    assertThat(moments.count()).isEqualTo(values.size());
    assertThat(moments.mean()).isCloseTo(mean, within(1e-12 * scale));
    assertThat(moments.variance()).isCloseTo(variance, within(1e-9 * scale * scale));
    assertThat(moments.min()).isEqualTo(values.stream().mapToDouble(d -> d).min().orElseThrow());
    assertThat(moments.max()).isEqualTo(values.stream().mapToDouble(d -> d).max().orElseThrow());
  }

  @Property(tries = 300)
  void shouldMergeIntoTheMomentsOfTheUnion(
      @ForAll("values") List<Double> a, @ForAll("values") List<Double> b) {
    List<Double> union = new ArrayList<>(a);
    union.addAll(b);
    Moments expected = of(union);

    Moments merged = of(a);
    merged.merge(of(b));

    double scale = scale(union);
    assertThat(merged.count()).isEqualTo(expected.count());
    assertThat(merged.mean()).isCloseTo(expected.mean(), within(1e-12 * scale));
    assertThat(merged.variance()).isCloseTo(expected.variance(), within(1e-9 * scale * scale));
    assertThat(merged.sum()).isCloseTo(expected.sum(), within(1e-9 * scale * union.size()));
    assertThat(merged.min()).isEqualTo(expected.min());
    assertThat(merged.max()).isEqualTo(expected.max());
  }

  @Property(tries = 200)
  void shouldAddARepeatedValueLikeThatManySingleAdds(
      @ForAll("values") List<Double> prefix,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
      @ForAll @IntRange(min = 1, max = 200) int times) {
    Moments once = of(prefix);
    once.add(value, times);
    List<Double> all = new ArrayList<>(prefix);
    for (int i = 0; i < times; i++) {
      all.add(value);
    }
    Moments expected = of(all);

    double scale = Math.max(scale(prefix), Math.abs(value));
    assertThat(once.count()).isEqualTo(expected.count());
    assertThat(once.mean()).isCloseTo(expected.mean(), within(1e-10 * scale));
    assertThat(once.variance()).isCloseTo(expected.variance(), within(1e-8 * scale * scale));
  }

  @Property(tries = 50)
  void shouldReportNanForNoValuesAndZeroStddevForOne(@ForAll double value) {
    Moments empty = new Moments();
    Moments one = new Moments();
    one.add(value);

    assertThat(empty.mean()).isNaN();
    assertThat(empty.stddev()).isNaN();
    assertThat(empty.min()).isNaN();
    assertThat(one.stddev()).isZero();
    assertThat(one.mean()).isEqualTo(value);
  }
}
