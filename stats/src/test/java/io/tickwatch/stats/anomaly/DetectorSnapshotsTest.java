package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectorSnapshotsTest {

  @Test
  void shouldRejectBytesThatAreNotASnapshot() {
    assertThatThrownBy(() -> DetectorSnapshots.restore(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unreadable detector snapshot");
  }

  @Test
  void shouldKeepTheLeakAssessmentAcrossARestore() {
    MemoryLeakDetector d = new MemoryLeakDetector();
    for (int i = 0; i < 100; i++) {
      d.score(i * 1_000L, 40 + 0.1 * i);
    }
    MemoryLeakDetector restored =
        (MemoryLeakDetector) DetectorSnapshots.restore(DetectorSnapshots.snapshot(d));
    assertThat(restored.assessment()).isEqualTo(d.assessment());
  }
}
