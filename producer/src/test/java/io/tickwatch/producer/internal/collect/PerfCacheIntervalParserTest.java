package io.tickwatch.producer.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** perf's {@code -x ,} interval output for cache-misses and cache-references, canned. */
class PerfCacheIntervalParserTest {

  private final List<double[]> readings = new ArrayList<>();
  private final PerfCacheIntervalParser parser =
      new PerfCacheIntervalParser(
          (perSecond, percent) -> readings.add(new double[] {perSecond, percent}));

  private void feed(String output) {
    output.lines().forEach(parser::accept);
  }

  @Test
  void shouldReportRateAndPercentageOfEachIntervalAsSoonAsItIsKnown() {
    feed(
        """
             0.100154601,2000,,cache-misses,100045678,100.00,,
             0.100154601,40000,,cache-references,100045678,100.00,,
             0.200312345,3000,,cache-misses,100012345,100.00,,
             0.200312345,10000,,cache-references,100012345,100.00,,
        """);
    // the first interval ends at the next timestamp; then two lines make an interval
    assertThat(readings).hasSize(2);
    feed(
        """
             0.300312345,500,,cache-misses,100012345,100.00,,
             0.300312345,1000,,cache-references,100012345,100.00,,
        """);

    assertThat(readings).hasSize(3);
    // rates over perf's own interval lengths
    assertThat(readings.get(0)[0]).isCloseTo(2000 / 0.100154601, within(1e-6));
    assertThat(readings.get(0)[1]).isCloseTo(5.0, within(1e-12));
    assertThat(readings.get(1)[0]).isCloseTo(3000 / (0.200312345 - 0.100154601), within(1e-6));
    assertThat(readings.get(1)[1]).isCloseTo(30.0, within(1e-12));
    assertThat(readings.get(2)[1]).isCloseTo(50.0, within(1e-12));
  }

  @Test
  void shouldHaveNoPercentageWhenReferencesAreNotSupported() {
    feed(
        """
             0.100000000,2000,,cache-misses,100000000,100.00,,
             0.100000000,<not supported>,,cache-references,0,100.00,,
             0.200000000,4000,,cache-misses,100000000,100.00,,
             0.200000000,<not supported>,,cache-references,0,100.00,,
        """);
    parser.finish();

    assertThat(readings).hasSize(2);
    assertThat(readings.get(1)[0]).isCloseTo(40_000, within(1e-6));
    assertThat(readings).allSatisfy(r -> assertThat(r[1]).isNaN());
  }

  @Test
  void shouldHaveNoReadingsAtAllWhenNothingIsCounted() {
    feed(
        """
             0.100000000,<not supported>,,cache-misses,0,100.00,,
             0.100000000,<not supported>,,cache-references,0,100.00,,
             0.200000000,<not counted>,,cache-misses,0,0.00,,
             0.200000000,<not counted>,,cache-references,0,0.00,,
        """);
    parser.finish();

    assertThat(readings).hasSize(2).allSatisfy(r -> assertThat(r).containsOnly(Double.NaN));
  }

  @Test
  void shouldEndAPartialIntervalAtTheNextTimestampOrAtTheEnd() {
    feed(
        """
             0.100000000,1000,,cache-misses,100000000,100.00,,
             0.100000000,10000,,cache-references,100000000,100.00,,
             0.200000000,1000,,cache-misses,100000000,100.00,,
             0.300000000,2000,,cache-misses,100000000,100.00,,
             0.300000000,4000,,cache-references,100000000,100.00,,
             0.400000000,6000,,cache-misses,100000000,100.00,,
        """);
    parser.finish();

    assertThat(readings).hasSize(4);
    assertThat(readings.get(1)[0]).isCloseTo(10_000, within(1e-6)); // misses alone: rate only
    assertThat(readings.get(1)[1]).isNaN();
    assertThat(readings.get(2)[1]).isCloseTo(50.0, within(1e-12));
    assertThat(readings.get(3)[0]).isCloseTo(60_000, within(1e-6)); // cut off by perf's exit
    assertThat(readings.get(3)[1]).isNaN();
  }

  @Test
  void shouldSumTheCoresOfAHybridCpuAndAcceptEventModifiers() {
    feed(
        """
             0.100000000,1000,,cpu_core/cache-misses/,100000000,100.00,,
             0.100000000,<not counted>,,cpu_atom/cache-misses/,0,0.00,,
             0.100000000,8000,,cpu_core/cache-references/,100000000,100.00,,
             0.100000000,2000,,cpu_atom/cache-references/,100000000,100.00,,
             0.200000000,300,,cpu_core/cache-misses/,100000000,100.00,,
             0.200000000,200,,cpu_atom/cache-misses/,100000000,100.00,,
             0.200000000,4000,,cpu_core/cache-references/,100000000,100.00,,
        """);
    assertThat(readings).hasSize(1);
    assertThat(readings.get(0)[1]).isCloseTo(10.0, within(1e-12));

    parser.accept("     0.200000000,1000,,cpu_atom/cache-references/,100000000,100.00,,");
    assertThat(readings).hasSize(2);
    assertThat(readings.get(1)[1]).isCloseTo(10.0, within(1e-12));

    PerfCacheIntervalParser user =
        new PerfCacheIntervalParser((perSecond, percent) -> readings.add(new double[] {percent}));
    user.accept("0.1,25,,cache-misses:u,100000000,100.00,,");
    user.accept("0.1,100,,cache-references:u,100000000,100.00,,");
    user.finish();
    assertThat(readings.get(2)[0]).isCloseTo(25.0, within(1e-12));

    // a hybrid CPU counting user space only (perf_event_paranoid > 1) appends the modifier after
    // the PMU's closing slash
    PerfCacheIntervalParser hybridUser =
        new PerfCacheIntervalParser((perSecond, percent) -> readings.add(new double[] {percent}));
    hybridUser.accept("0.1,30,,cpu_core/cache-misses/u,100000000,100.00,,");
    hybridUser.accept("0.1,200,,cpu_core/cache-references/u,100000000,100.00,,");
    hybridUser.finish();
    assertThat(readings.get(3)[0]).isCloseTo(15.0, within(1e-12));
    assertThat(
            PerfCacheIntervalParser.count(
                "30,,cpu_core/cache-misses/u,1000,100.00,,\n", "cache-misses"))
        .isEqualTo(30);
  }

  @Test
  void shouldIgnoreLinesThatAreNotCounts() {
    feed(
        """
        # started on Sat Nov 28 07:51:01 2026
        Error: cache-misses event is not supported by the kernel.

             0.100000000,1000,,cache-misses,100000000,100.00,,
             0.100000000,garbage,,cache-references,100000000,100.00,,
        """);
    parser.finish();

    assertThat(readings).hasSize(1);
    assertThat(readings.get(0)[0]).isCloseTo(10_000, within(1e-6));
    assertThat(readings.get(0)[1]).isNaN();
  }

  @Test
  void shouldReadTheProbesCounts() {
    String supported = "12345,,cache-misses,1000,100.00,,\n67890,,cache-references,1000,100.00,,\n";
    String unsupported =
        "<not supported>,,cache-misses,0,100.00,,\n<not supported>,,cache-references,0,100.00,,\n";

    assertThat(PerfCacheIntervalParser.count(supported, "cache-misses")).isEqualTo(12345);
    assertThat(PerfCacheIntervalParser.count(supported, "cache-references")).isEqualTo(67890);
    assertThat(PerfCacheIntervalParser.count(unsupported, "cache-misses")).isNaN();
    assertThat(PerfCacheIntervalParser.count("perf: command not found\n", "cache-misses")).isNaN();
  }
}
