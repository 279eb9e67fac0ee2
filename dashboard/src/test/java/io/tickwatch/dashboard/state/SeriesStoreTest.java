package io.tickwatch.dashboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.dashboard.TestRecords;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {

  private static RollingStats stats(
      String host, String metric, long start, long size, double mean, boolean fin) {
    return TestRecords.stats(host, metric, start, size, mean, fin);
  }

  @Test
  void shouldKeepTheLastHourAtOneSecond() {
    SeriesStore store = new SeriesStore(10);
    for (int s = 0; s < 4000; s++) {
      store.accept(stats("h", "m", s * 1000L, 1000, s, true));
    }
    SeriesColumns all = store.read(SeriesKey.of("h", "m"), Resolution.SECONDS_1, 0, 10_000_000);
    assertThat(all.size()).isEqualTo(3600);
    assertThat(all.t()[0]).isEqualTo(400_000);
    assertThat(all.t()[3599]).isEqualTo(3_999_000);
    assertThat(all.mean()[3599]).isEqualTo(3999);
  }

  @Test
  void shouldNotLetAnEarlyUpdateReplaceAFinalResult() {
    SeriesStore store = new SeriesStore(10);
    assertThat(store.accept(stats("h", "m", 1000, 1000, 5, true))).isPresent();
    assertThat(store.accept(stats("h", "m", 1000, 1000, 4, false))).isEmpty();
    assertThat(store.accept(stats("h", "m", 0, 1000, 9, false))).isPresent();
    assertThat(store.latest(SeriesKey.of("h", "m")).orElseThrow().mean()).isEqualTo(5);
    SeriesColumns c = store.read(SeriesKey.of("h", "m"), Resolution.SECONDS_1, 0, 5000);
    assertThat(c.t()).containsExactly(0, 1000);
    assertThat(c.mean()).containsExactly(9, 5);
  }

  @Test
  void shouldIgnoreWindowSizesThatAreNotServedAndMapTheFleet() {
    SeriesStore store = new SeriesStore(10);
    assertThat(store.accept(stats("h", "m", 0, 60_000, 1, true))).isEmpty();
    var update = store.accept(stats(null, "m", 0, 10_000, 1, true)).orElseThrow();
    assertThat(update.key().host()).isEqualTo("fleet");
    assertThat(update.resolution()).isEqualTo(Resolution.SECONDS_10);
    assertThat(store.hosts()).isEmpty();
  }

  @Test
  void shouldDropNewSeriesBeyondTheLimit() {
    SeriesStore store = new SeriesStore(2);
    store.accept(stats("a", "m", 0, 1000, 1, true));
    store.accept(stats("b", "m", 0, 1000, 1, true));
    assertThat(store.accept(stats("c", "m", 0, 1000, 1, true))).isEmpty();
    assertThat(store.seriesCount()).isEqualTo(2);
    assertThat(store.droppedRecords()).isEqualTo(1);
  }

  @Test
  void shouldKeepRawMillisecondSamples() {
    SeriesStore store = new SeriesStore(10);
    store.acceptSamples(SeriesKey.of("h", "m"), 5000, 1000, new double[] {1, 2, Double.NaN, 4});
    SeriesColumns c = store.read(SeriesKey.of("h", "m"), Resolution.MILLIS_1, 5000, 5004);
    assertThat(c.t()).containsExactly(5000, 5001, 5002, 5003);
    assertThat(c.mean()[3]).isEqualTo(4);
    assertThat(c.mean()[2]).isNaN();
  }

  @Test
  void shouldMergeHistoryWithNewerMemoryPoints() {
    java.util.TreeMap<Long, double[]> older = new java.util.TreeMap<>();
    older.put(0L, new double[] {1, 1, 1});
    older.put(1000L, new double[] {2, 2, 2});
    java.util.TreeMap<Long, double[]> newer = new java.util.TreeMap<>();
    newer.put(1000L, new double[] {3, 3, 3});
    newer.put(2000L, new double[] {4, 4, 4});
    SeriesColumns merged = SeriesColumns.merge(SeriesColumns.of(older), SeriesColumns.of(newer));
    assertThat(merged.t()).containsExactly(0, 1000, 2000);
    assertThat(merged.mean()).containsExactly(1, 3, 4);
  }
}
