package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleAccumulatorTest {
  private static final long MS = 1_000_000L;
  private static final List<String> FAST =
      List.of("Thread.run", "game.Loop.tick", "game.Fast.step");
  private static final List<String> SLOW =
      List.of("Thread.run", "game.Loop.tick", "game.Slow.step");

  @Test
  void shouldKeepOnlySamplesInsideTicksOverTheBudget() {
    TickLog log = new TickLog(64);
    SampleAccumulator samples =
        new SampleAccumulator(
            new SampleFilter(null, null), new SlowTickFilter(log, 10 * MS, log.nextSequence()));
    log.record(7, 0, 5 * MS); // fast tick
    log.record(7, 6 * MS, 26 * MS); // slow tick
    log.record(7, 27 * MS, 30 * MS); // fast tick
    samples.refreshTicks();

    samples.onSample(7, "game", 2 * MS, FAST);
    samples.onSample(7, "game", 10 * MS, SLOW);
    samples.onSample(7, "game", 25 * MS, SLOW);
    samples.onSample(7, "game", 28 * MS, FAST);
    samples.onSample(7, "game", 5_500_000L, FAST); // between ticks
    samples.onSample(9, "network", 10 * MS, FAST); // a thread that never ticks
    samples.finish();

    assertThat(samples.stacks().countsByStack())
        .containsOnlyKeys("Thread.run;game.Loop.tick;game.Slow.step");
    assertThat(samples.keptSamples()).isEqualTo(2);
    assertThat(samples.droppedSamples()).isEqualTo(4);
  }

  @Test
  void shouldHoldSamplesOfATickThatHasNotEndedYetAndDecideLater() {
    TickLog log = new TickLog(64);
    SampleAccumulator samples =
        new SampleAccumulator(
            new SampleFilter(null, null), new SlowTickFilter(log, 10 * MS, log.nextSequence()));

    samples.onSample(7, "game", 12 * MS, SLOW);
    samples.onSample(7, "game", 52 * MS, FAST);
    assertThat(samples.keptSamples()).isZero();

    log.record(7, 0, 30 * MS); // the slow tick ends
    samples.refresh();
    assertThat(samples.keptSamples()).isEqualTo(1);

    log.record(7, 50 * MS, 55 * MS); // a fast one
    samples.refresh();
    samples.finish();
    assertThat(samples.keptSamples()).isEqualTo(1);
    assertThat(samples.droppedSamples()).isEqualTo(1);
  }

  @Test
  void shouldApplyTheThreadAndPackageFilters() {
    SampleAccumulator samples =
        new SampleAccumulator(new SampleFilter("game-.*", "game.Slow"), null);

    samples.onSample(1, "game-1", 0, SLOW);
    samples.onSample(1, "game-1", 0, FAST);
    samples.onSample(2, "netty-1", 0, SLOW);
    samples.onSample(3, null, 0, SLOW);
    samples.finish();

    assertThat(samples.keptSamples()).isEqualTo(1);
    assertThat(samples.droppedSamples()).isEqualTo(3);
  }

  @Test
  void shouldRankAllocationSitesByBytes() {
    SampleAccumulator samples = new SampleAccumulator(new SampleFilter(null, null), null);

    samples.onAllocation("game", "game.Physics.step", "double[]", 300);
    samples.onAllocation("game", "game.Ai.think", "java.lang.String", 100);
    samples.onAllocation("game", "game.Physics.step", "double[]", 600);

    var sites = samples.allocationHotSpots(20);
    assertThat(sites).hasSize(2);
    assertThat(sites.get(0).getMethod()).isEqualTo("game.Physics.step");
    assertThat(sites.get(0).getAllocatedBytes()).isEqualTo(900);
    assertThat(sites.get(0).getPercent()).isEqualTo(90.0);
  }
}
