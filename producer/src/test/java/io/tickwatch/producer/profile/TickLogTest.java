package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickLogTest {

  @Test
  void shouldReadTicksInOrderFromACursor() {
    TickLog log = new TickLog(8);
    log.record(1, 100, 200);
    log.record(2, 150, 300);
    List<long[]> seen = new ArrayList<>();

    long next = log.readFrom(0, (t, s, e) -> seen.add(new long[] {t, s, e}));
    log.record(1, 300, 400);
    long after = log.readFrom(next, (t, s, e) -> seen.add(new long[] {t, s, e}));

    assertThat(seen)
        .containsExactly(
            new long[] {1, 100, 200}, new long[] {2, 150, 300}, new long[] {1, 300, 400});
    assertThat(after).isEqualTo(3);
  }

  @Test
  void shouldSkipTicksAlreadyOverwritten() {
    TickLog log = new TickLog(4);
    for (int i = 0; i < 10; i++) {
      log.record(1, i * 10L, i * 10L + 5);
    }
    List<Long> starts = new ArrayList<>();

    log.readFrom(0, (t, s, e) -> starts.add(s));

    assertThat(starts).containsExactly(60L, 70L, 80L, 90L);
  }

  @Test
  void shouldRecordTheCallingThreadsTickEndingNowOnlyWhileEnabled() {
    TickLog log = new TickLog(4);
    log.recordTickEndingNow(1_000_000L);
    assertThat(log.nextSequence()).isZero();
    log.enabled(true);
    long before = System.nanoTime();

    log.recordTickEndingNow(5_000_000L);

    List<long[]> seen = new ArrayList<>();
    log.readFrom(0, (t, s, e) -> seen.add(new long[] {t, s, e}));
    @SuppressWarnings("deprecation")
    long self = Thread.currentThread().getId();
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)[0]).isEqualTo(self);
    assertThat(seen.get(0)[2]).isGreaterThanOrEqualTo(before);
    assertThat(seen.get(0)[2] - seen.get(0)[1]).isEqualTo(5_000_000L);
  }
}
