package io.tickwatch.producer.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class LatencyFamilyTest {

  private final LongAdder folded = new LongAdder();
  private final LatencyFamily family =
      new LatencyFamily(
          "action.latency", "action", 3, NanosBucketIndex.forAccuracy(0.01), folded, () -> {});

  @Test
  void shouldFoldLabelValuesBeyondTheBoundIntoOtherAndCountThem() {
    LatencyRecorder move = family.forLabel("move");
    family.forLabel("attack");
    family.forLabel("cast");

    LatencyRecorder fourth = family.forLabel("trade");
    LatencyRecorder fifth = family.forLabel("loot");

    assertThat(family.forLabel("move")).isSameAs(move);
    assertThat(fourth).isSameAs(fifth).isSameAs(family.forLabel(LatencyFamily.OTHER));
    assertThat(folded.sum()).isEqualTo(2);
    assertThat(family.recorders()).containsOnlyKeys("move", "attack", "cast", "other");
  }

  @Test
  void shouldKeepTheBoundUnderConcurrentCreation() throws Exception {
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int offset = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 100; i++) {
                  family.forLabel("v" + (i * 4 + offset));
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(family.recorders()).hasSize(4);
    assertThat(folded.sum()).isEqualTo(400 - 3);
  }

  @Test
  void shouldFoldNamesBeyondTheRegistryBound() {
    MetricRegistry registry = new MetricRegistry(0.01, 4, 2);
    registry.timer("a", null);
    registry.timer("b", null);

    LatencyFamily third = registry.timer("c", null);

    assertThat(third.name()).isEqualTo(MetricRegistry.OTHER_NAME);
    assertThat(registry.timers()).containsOnlyKeys("a", "b", "other");
    assertThat(registry.labelValuesFolded()).isEqualTo(1);
  }
}
