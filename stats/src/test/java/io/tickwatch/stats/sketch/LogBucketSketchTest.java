package io.tickwatch.stats.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogBucketSketchTest {

  @Test
  void shouldReturnNanForAnEmptySketch() {
    LogBucketSketch sketch = LogBucketSketch.withDefaultAccuracy();

    assertThat(sketch.quantile(0.5)).isNaN();
    assertThat(sketch.count()).isZero();
    assertThat(sketch.bucketCounts()).isEmpty();
  }

  @Test
  void shouldCountNonPositiveValuesAsZeros() {
    LogBucketSketch sketch = LogBucketSketch.withDefaultAccuracy();
    sketch.add(0);
    sketch.add(-5);
    sketch.add(10);

    assertThat(sketch.zeroCount()).isEqualTo(2);
    assertThat(sketch.count()).isEqualTo(3);
    assertThat(sketch.quantile(0)).isEqualTo(-5);
    assertThat(sketch.quantile(1)).isEqualTo(10);
  }

  @Test
  void shouldUseTheDocumentedBucketForOneMillisecondAtOnePercent() {
    LogBucketSketch sketch = LogBucketSketch.withDefaultAccuracy();
    sketch.add(1000.0);
    double gamma = 1.01 / 0.99;

    assertThat(sketch.indexOffset()).isEqualTo((int) Math.ceil(Math.log(1000.0) / Math.log(gamma)));
    assertThat(sketch.bucketCounts()).containsExactly(1L);
  }

  @Test
  void shouldRefuseToMergeDifferentAccuracies() {
    LogBucketSketch onePercent = new LogBucketSketch(0.01);
    LogBucketSketch twoPercent = new LogBucketSketch(0.02);
    twoPercent.add(1);

    assertThatThrownBy(() -> onePercent.merge(twoPercent))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectAccuracyOutsideTheSupportedRange() {
    assertThatThrownBy(() -> new LogBucketMapping(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogBucketMapping(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAddPrecomputedBucketIndices() {
    LogBucketSketch direct = LogBucketSketch.withDefaultAccuracy();
    LogBucketSketch byIndex = LogBucketSketch.withDefaultAccuracy();
    direct.add(123.0);
    direct.add(4567.0);

    byIndex.addToBucketIndex(direct.mapping().index(123.0), 1);
    byIndex.addToBucketIndex(direct.mapping().index(4567.0), 1);

    assertThat(byIndex.bucketCounts()).containsExactly(direct.bucketCounts());
    assertThat(byIndex.indexOffset()).isEqualTo(direct.indexOffset());
    assertThat(byIndex.quantile(0.5)).isCloseTo(123.0, org.assertj.core.api.Assertions.within(1.3));
  }
}
