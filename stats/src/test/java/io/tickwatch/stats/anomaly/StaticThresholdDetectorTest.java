package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.stats.anomaly.StaticThresholds.Metric;
import org.junit.jupiter.api.Test;

class StaticThresholdDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return StaticThresholds.defaults().factory(Metric.CPU_PERCENT, null).create();
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.0; // noise around 50 % never crosses 80 %
  }

  @Override
  protected double stepHeight() {
    return 40.0;
  }

  @Override
  protected double spikeHeight() {
    return 40.0;
  }

  @Override
  protected int detectionDelaySamples() {
    return 1;
  }

  @Test
  void shouldUseTheOriginalDesignsDefaults() {
    StaticThresholds t = StaticThresholds.defaults();
    assertThat(t.limit(Metric.CPU_PERCENT, null)).isEqualTo(80.0);
    assertThat(t.limit(Metric.MEMORY_PERCENT, null)).isEqualTo(85.0);
    assertThat(t.limit(Metric.LATENCY_P99_MILLIS, null)).isEqualTo(100.0);
    assertThat(t.limit(Metric.FRAME_DROP_PERCENT, null)).isEqualTo(5.0);
    assertThat(t.limit(Metric.CACHE_MISS_PERCENT, null)).isEqualTo(10.0);
  }

  @Test
  void shouldOverrideALimitPerHostGroupOnly() {
    StaticThresholds t =
        StaticThresholds.defaults().withLimit(Metric.LATENCY_P99_MILLIS, "eu-raid", 40.0);
    assertThat(t.limit(Metric.LATENCY_P99_MILLIS, "eu-raid")).isEqualTo(40.0);
    assertThat(t.limit(Metric.LATENCY_P99_MILLIS, "us-lobby")).isEqualTo(100.0);
    assertThat(t.factory(Metric.LATENCY_P99_MILLIS, "eu-raid").create().score(0, 50.0))
        .isEqualTo(1.0);
    assertThat(t.factory(Metric.LATENCY_P99_MILLIS, null).create().score(0, 50.0)).isZero();
  }

  @Test
  void shouldFireOnlyStrictlyAboveTheLimit() {
    AnomalyDetector d = new StaticThresholdDetector(80.0);
    assertThat(d.score(0, 80.0)).isZero();
    assertThat(d.score(1, 80.01)).isEqualTo(1.0);
  }
}
