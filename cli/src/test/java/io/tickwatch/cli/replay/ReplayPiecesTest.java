package io.tickwatch.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayPiecesTest {

  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  @Test
  void shouldCountProgressAndFinishFromCommittedOffsets() {
    ReplayOffsets offsets = new ReplayOffsets(Map.of(P0, 100L, P1, 50L), Map.of(P0, 200L, P1, 50L));
    assertThat(offsets.total()).isEqualTo(100);
    assertThat(offsets.consumed(Map.of())).isZero();
    assertThat(offsets.consumed(Map.of(P0, 150L))).isEqualTo(50);
    assertThat(offsets.finished(Map.of(P0, 150L))).isFalse();
    // a partition with nothing to replay is finished without a committed offset
    assertThat(offsets.finished(Map.of(P0, 200L))).isTrue();
    assertThat(offsets.consumed(Map.of(P0, 260L, P1, 70L))).isEqualTo(100);
  }

  @Test
  void shouldRenderPercentCountsAndEta() {
    assertThat(ProgressBar.render(250, 1000, Duration.ofSeconds(10), "records"))
        .isEqualTo("[########......................]  25%  250 / 1.0k records  ETA 00:30");
    assertThat(ProgressBar.render(0, 1000, Duration.ofSeconds(1), "records")).endsWith("ETA --:--");
    assertThat(ProgressBar.render(1000, 1000, Duration.ofSeconds(1), "records"))
        .contains("100%")
        .endsWith("ETA 0:00");
    assertThat(ProgressBar.count(2_500_000)).isEqualTo("2.5M");
  }

  @Test
  void shouldHoldAPollUntilWallTimeCatchesUpWithRecordTimeOverSpeed() {
    long firstWall = 1_000_000_000L;
    // 10 s of record time at 10x: due 1 s after the first poll
    assertThat(ReplayThrottle.waitMillis(0, firstWall, 10_000, firstWall, 10)).isEqualTo(1000);
    assertThat(ReplayThrottle.waitMillis(0, firstWall, 10_000, firstWall + 400_000_000L, 10))
        .isEqualTo(600);
    // behind schedule: no wait
    assertThat(ReplayThrottle.waitMillis(0, firstWall, 10_000, firstWall + 2_000_000_000L, 10))
        .isZero();
  }
}
