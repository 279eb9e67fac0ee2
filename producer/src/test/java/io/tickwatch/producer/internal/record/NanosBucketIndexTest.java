package io.tickwatch.producer.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.stats.sketch.LogBucketMapping;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class NanosBucketIndexTest {

  private final NanosBucketIndex index = NanosBucketIndex.forAccuracy(0.01);

  @Property(tries = 5000)
  void shouldMatchTheDocumentedMappingForEveryDuration(
      @ForAll @LongRange(min = 1, max = NanosBucketIndex.MAX_TRACKABLE_NANOS) long nanos) {
    LogBucketMapping mapping = new LogBucketMapping(0.01);

    int slot = index.slotOf(nanos);

    assertThat(slot).isEqualTo(index.exactSlot(nanos));
    assertThat(index.bucketIndexOfSlot(slot)).isEqualTo(mapping.index(nanos / 1000.0));
  }

  @Property(tries = 500)
  void shouldMatchAtOtherAccuracies(@ForAll @LongRange(min = 1, max = 10_000_000_000L) long nanos) {
    for (double alpha : new double[] {0.001, 0.005, 0.02, 0.05}) {
      NanosBucketIndex other = NanosBucketIndex.forAccuracy(alpha);
      assertThat(other.slotOf(nanos)).isEqualTo(other.exactSlot(nanos));
    }
  }

  @Test
  void shouldMatchEveryBucketBoundaryExactly() {
    for (int slot = 1; slot < index.slotCount() - 1; slot++) {
      long upper = upperNanos(slot);
      assertThat(index.slotOf(upper)).isEqualTo(index.exactSlot(upper));
      assertThat(index.slotOf(upper + 1)).isEqualTo(index.exactSlot(upper + 1));
    }
  }

  @Test
  void shouldPutNonPositiveDurationsInTheZeroSlotAndClampHugeOnes() {
    assertThat(index.slotOf(0)).isZero();
    assertThat(index.slotOf(-5)).isZero();
    assertThat(index.slotOf(Long.MAX_VALUE)).isEqualTo(index.slotCount() - 1);
  }

  private long upperNanos(int slot) {
    long lo = 1;
    long hi = NanosBucketIndex.MAX_TRACKABLE_NANOS;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (index.exactSlot(mid) <= slot) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
