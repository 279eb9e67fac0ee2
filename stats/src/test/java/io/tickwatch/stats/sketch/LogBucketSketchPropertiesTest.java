package io.tickwatch.stats.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class LogBucketSketchPropertiesTest {

  @Provide
  Arbitrary<List<Double>> positiveValues() {
    return Arbitraries.doubles()
        .between(-3, 9)
        .map(exponent -> Math.pow(10, exponent))
        .list()
        .ofMinSize(1)
        .ofMaxSize(2000)
        .injectDuplicates(0.2);
  }

  @Provide
  Arbitrary<List<Double>> mixedValues() {
    return Arbitraries.oneOf(
            Arbitraries.doubles().between(-6, 12).map(exponent -> Math.pow(10, exponent)),
            Arbitraries.doubles().between(-10, 0),
            Arbitraries.just(0.0))
        .list()
        .ofMaxSize(500);
  }

  @Provide
  Arbitrary<Double> accuracies() {
    return Arbitraries.of(0.001, 0.005, 0.01, 0.02, 0.05);
  }

  @Property(tries = 300)
  void shouldEstimateEveryQuantileWithinRelativeAccuracy(
      @ForAll("positiveValues") List<Double> values,
      @ForAll @DoubleRange(min = 0, max = 1) double q,
      @ForAll("accuracies") double alpha) {
    LogBucketSketch sketch = new LogBucketSketch(alpha);
    values.forEach(sketch::add);
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double exact = sorted[(int) Math.floor(q * (sorted.length - 1))];

    double estimate = sketch.quantile(q);

    assertThat(Math.abs(estimate - exact)).isLessThanOrEqualTo(alpha * exact * (1 + 1e-9));
  }

  @Property(tries = 300)
  void shouldMergeToTheSketchOfTheUnion(
      @ForAll("mixedValues") List<Double> left,
      @ForAll("mixedValues") List<Double> right,
      @ForAll("accuracies") double alpha) {
    LogBucketSketch a = new LogBucketSketch(alpha);
    left.forEach(a::add);
    LogBucketSketch b = new LogBucketSketch(alpha);
    right.forEach(b::add);
    LogBucketSketch union = new LogBucketSketch(alpha);
    List<Double> all = new ArrayList<>(left);
    all.addAll(right);
    all.forEach(union::add);

    a.merge(b);

    assertSameSketch(a, union);
  }

  @Property(tries = 200)
  void shouldRoundTripThroughTheBucketEncoding(
      @ForAll("mixedValues") @Size(min = 1) List<Double> values) {
    LogBucketSketch sketch = LogBucketSketch.withDefaultAccuracy();
    values.forEach(sketch::add);

    LogBucketSketch restored =
        LogBucketSketch.fromBuckets(
            sketch.relativeAccuracy(),
            sketch.zeroCount(),
            sketch.indexOffset(),
            sketch.bucketCounts(),
            sketch.min(),
            sketch.max(),
            sketch.sum());

    assertSameSketch(restored, sketch);
    for (double q = 0; q <= 1; q += 0.05) {
      assertThat(restored.quantile(q)).isEqualTo(sketch.quantile(q));
    }
  }

  @Property(tries = 500)
  void shouldPlaceEveryValueInTheDocumentedBucket(
      @ForAll @DoubleRange(min = -9, max = 15) double exponent,
      @ForAll("accuracies") double alpha) {
    double value = Math.pow(10, exponent);
    LogBucketMapping mapping = new LogBucketMapping(alpha);
    double gamma = (1 + alpha) / (1 - alpha);
    int index = mapping.index(value);

    assertThat(index).isEqualTo((int) Math.ceil(Math.log(value) / Math.log(gamma)));
    assertThat(value).isGreaterThan(mapping.lowerBound(index) * (1 - 1e-12));
    assertThat(value).isLessThanOrEqualTo(mapping.upperBound(index) * (1 + 1e-12));
    assertThat(Math.abs(mapping.value(index) - value)).isLessThanOrEqualTo(alpha * value * 1.0001);
  }

  private static void assertSameSketch(LogBucketSketch actual, LogBucketSketch expected) {
    assertThat(actual.count()).isEqualTo(expected.count());
    assertThat(actual.zeroCount()).isEqualTo(expected.zeroCount());
    assertThat(actual.indexOffset()).isEqualTo(expected.indexOffset());
    assertThat(Arrays.equals(actual.bucketCounts(), expected.bucketCounts())).isTrue();
    if (expected.count() > 0) {
      assertThat(actual.min()).isEqualTo(expected.min());
      assertThat(actual.max()).isEqualTo(expected.max());
      assertThat(actual.sum())
          .isCloseTo(expected.sum(), within(1e-9 * Math.max(1, Math.abs(expected.max()) * 1e3)));
    }
  }
}
