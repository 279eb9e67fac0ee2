package io.tickwatch.producer.internal.publish;

import static io.tickwatch.producer.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundBufferTest {

  private final PublishStats stats = new PublishStats();
  private final OutboundBuffer buffer = new OutboundBuffer(1000, stats);

  @Test
  void shouldDropTheOldestQueuedBatchesWhenFull() throws Exception {
    for (long seq = 0; seq < 5; seq++) {
      buffer.offer(batch(seq), 300);
    }

    assertThat(buffer.queuedBatches()).isEqualTo(3);
    assertThat(buffer.usedBytes()).isEqualTo(900);
    assertThat(stats.dropped()).isEqualTo(2);
    assertThat(buffer.take(0).batch().getSequence()).isEqualTo(2);
  }

  @Test
  void shouldDropTheNewBatchWhenEverythingIsInFlight() throws Exception {
    buffer.offer(batch(0), 600);
    OutboundBuffer.Pending taken = buffer.take(0);
    assertThat(buffer.startFlight(600)).isTrue();

    buffer.offer(batch(1), 600);

    assertThat(taken.batch().getSequence()).isZero();
    assertThat(buffer.queuedBatches()).isZero();
    assertThat(stats.dropped()).isEqualTo(1);
    assertThat(buffer.usedBytes()).isEqualTo(600);
  }

  @Test
  void shouldNeverAccountMoreThanTheBound() throws Exception {
    for (int i = 0; i < 1000; i++) {
      buffer.offer(batch(i), 1 + (i * 37) % 400);
      if (i % 3 == 0) {
        OutboundBuffer.Pending p = buffer.take(0);
        if (p != null && buffer.startFlight(p.estimatedBytes() / 2)) {
          if (i % 2 == 0) {
            buffer.endFlight(p.estimatedBytes() / 2);
          }
        }
      }
      assertThat(buffer.usedBytes()).isLessThanOrEqualTo(1000);
    }
  }

  @Test
  void shouldCountDiscardedBatchesAsDropped() {
    buffer.offer(batch(0), 100);
    buffer.offer(batch(1), 100);

    int discarded = buffer.discardQueued();

    assertThat(discarded).isEqualTo(2);
    assertThat(stats.dropped()).isEqualTo(2);
    assertThat(stats.produced()).isEqualTo(2);
    assertThat(buffer.usedBytes()).isZero();
  }
}
