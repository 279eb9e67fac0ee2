package io.tickwatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.RollingStats;
import org.assertj.core.data.Offset;

/** The crash promise, shared by the CI and the soak variant. */
final class RollingStatsCrashAssertions {

  private RollingStatsCrashAssertions() {}

  static void assertEqualsOracle(RollingStatsCrashRun.Result result, int kills) {
    assertThat(result.kills()).isEqualTo(kills);
    assertThat(result.duplicateFinals()).as("duplicate finals").isZero();
    assertThat(result.droppedPerIncarnation())
        .as("dropped-records of every instance incarnation")
        .hasSize(kills + 2)
        .containsOnly(0L);
    assertThat(result.finals().keySet())
        .containsExactlyInAnyOrderElementsOf(result.expected().keySet());
    result
        .expected()
        .forEach(
            (key, e) -> {
              RollingStats a = result.finals().get(key);
              assertThat(a.getCount()).as(key + " count").isEqualTo(e.count());
              assertThat(a.getSum()).as(key + " sum").isEqualTo(e.sum());
              assertThat(a.getMin()).as(key + " min").isEqualTo(e.min());
              assertThat(a.getMax()).as(key + " max").isEqualTo(e.max());
              assertThat(a.getMean())
                  .as(key + " mean")
                  .isCloseTo(e.mean(), Offset.offset(1e-12 * (1 + Math.abs(e.mean()))));
              assertThat(a.getStddev())
                  .as(key + " stddev")
                  .isCloseTo(e.stddev(), Offset.offset(1e-9 * (1 + e.stddev())));
              assertThat(new double[] {a.getP50(), a.getP95(), a.getP99(), a.getP999()})
                  .as(key + " percentiles")
                  .containsExactly(e.pcts());
              assertThat(a.getFinalResult()).isTrue();
            });
  }
}
