package io.tickwatch.stats.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.stats.rolling.WindowSlices.SlotRange;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WindowSlicesTest {
  private static final long NONE_FROM = WindowSlices.UNBOUNDED_FROM;
  private static final long NONE_TO = WindowSlices.UNBOUNDED_TO;

  @Test
  void shouldKeepABatchInsideOneWindowWhole() {
    List<SlotRange> ranges = WindowSlices.split(10_200, 1000, 100, 1000, NONE_FROM, NONE_TO);

    assertThat(ranges).containsExactly(new SlotRange(10_000, 10_200, 0, 100));
  }

  @Test
  void shouldSplitABatchStraddlingABoundaryBySampleTime() {
    List<SlotRange> ranges = WindowSlices.split(10_950, 1000, 100, 1000, NONE_FROM, NONE_TO);

    assertThat(ranges)
        .containsExactly(
            new SlotRange(10_000, 10_950, 0, 50), new SlotRange(11_000, 11_000, 50, 100));
  }

  @Test
  void shouldUseFractionalMillisecondSlotTimes() {
    // 1500 us spacing: slot k at 999 + floor(1.5 k); slot 1 at 1000.5 -> 1000
    List<SlotRange> ranges = WindowSlices.split(999, 1500, 4, 1000, NONE_FROM, NONE_TO);

    assertThat(ranges)
        .containsExactly(new SlotRange(0, 999, 0, 1), new SlotRange(1000, 1000, 1, 4));
  }

  @Test
  void shouldKeepOnlySlotsInsideTheReplayRange() {
    List<SlotRange> ranges = WindowSlices.split(10_950, 1000, 100, 1000, 10_980, 11_010);

    assertThat(ranges)
        .containsExactly(
            new SlotRange(10_000, 10_980, 30, 50), new SlotRange(11_000, 11_000, 50, 60));
    assertThat(WindowSlices.split(10_950, 1000, 100, 1000, 20_000, 30_000)).isEmpty();
    assertThat(WindowSlices.split(10_950, 1000, 100, 1000, 0, 10_950)).isEmpty();
  }

  @Property(tries = 500)
  void shouldPutEverySlotInExactlyOneRangeOfItsWindow(
      @ForAll @LongRange(min = -5_000_000, max = 5_000_000) long start,
      @ForAll @IntRange(min = 1, max = 5000) int intervalMicros,
      @ForAll @IntRange(min = 0, max = 300) int count,
      @ForAll @IntRange(min = 1, max = 2000) int windowMillis,
      @ForAll @LongRange(min = -5_000_500, max = 5_000_500) long from,
      @ForAll @IntRange(min = 1, max = 2000) int length) {
    long to = from + length;
    List<SlotRange> ranges =
        WindowSlices.split(start, intervalMicros, count, windowMillis, from, to);

    int[] owner = new int[count];
    for (SlotRange range : ranges) {
      assertThat(range.fromSlot()).isLessThan(range.toSlot());
      assertThat(range.firstSlotMillis())
          .isEqualTo(WindowSlices.slotMillis(start, intervalMicros, range.fromSlot()));
      for (int k = range.fromSlot(); k < range.toSlot(); k++) {
        long t = WindowSlices.slotMillis(start, intervalMicros, k);
        assertThat(t)
            .isBetween(range.windowStartMillis(), range.windowStartMillis() + windowMillis - 1);
        owner[k]++;
      }
    }
    for (int k = 0; k < count; k++) {
      long t = WindowSlices.slotMillis(start, intervalMicros, k);
      assertThat(owner[k]).isEqualTo(t >= from && t < to ? 1 : 0);
    }
  }
}
