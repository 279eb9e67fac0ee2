package io.tickwatch.stats.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetWatermarkTest {
  private static final long TIMEOUT = 10_000;

  @Test
  void shouldCloseNothingUntilTheHostsHadTimeToAnnounceThemselves() {
    FleetWatermark watermark = new FleetWatermark(TIMEOUT, 0);
    watermark.observe("h1", 5_000, 0);

    assertThat(watermark.watermark(9_999)).isEqualTo(Long.MIN_VALUE);
    assertThat(watermark.watermark(10_000)).isEqualTo(5_000);
  }

  @Test
  void shouldWaitForTheSlowestActiveHostWhateverTheSkew() {
    FleetWatermark watermark = new FleetWatermark(TIMEOUT, 0);
    watermark.observe("fast", 78_000, 10_000);
    watermark.observe("slow", 3_000, 10_000);

    assertThat(watermark.watermark(11_000)).isEqualTo(3_000);
    watermark.observe("slow", 4_000, 12_000);
    assertThat(watermark.watermark(12_000)).isEqualTo(4_000);
  }

  @Test
  void shouldStopWaitingForASilentHost() {
    FleetWatermark watermark = new FleetWatermark(TIMEOUT, 0);
    watermark.observe("h1", 20_000, 10_000);
    watermark.observe("gone", 3_000, 10_000);
    watermark.observe("h1", 21_000, 20_001);

    assertThat(watermark.watermark(20_001)).isEqualTo(21_000);
  }

  @Test
  void shouldCloseUpToTheLargestProgressWhenEveryHostIsSilent() {
    FleetWatermark watermark = new FleetWatermark(TIMEOUT, 0);
    watermark.observe("h1", 20_000, 10_000);
    watermark.observe("h2", 17_000, 10_000);

    assertThat(watermark.watermark(20_000)).isEqualTo(17_000);
    assertThat(watermark.watermark(20_001)).isEqualTo(20_000);
  }

  @Test
  void shouldReportWhetherProgressAdvanced() {
    FleetWatermark watermark = new FleetWatermark(TIMEOUT, 0);

    assertThat(watermark.observe("h1", 2_000, 0)).isTrue();
    assertThat(watermark.observe("h1", 1_000, 1)).isFalse();
    assertThat(watermark.observe("h1", 3_000, 2)).isTrue();
    assertThat(watermark.progress()).containsEntry("h1", 3_000L);
  }
}
