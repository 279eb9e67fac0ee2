package io.tickwatch.producer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DistinctUnitsTest {

  @Property(tries = 200)
  void shouldReportEachDistinctHashExactlyOnceBelowTheBound(
      @ForAll @Size(max = 500) List<Long> hashes) {
    DistinctUnits units = new DistinctUnits(1024);
    long added = 0;
    for (long h : hashes) {
      added += units.add(h) ? 1 : 0;
    }
    for (long h : hashes) {
      assertThat(units.add(h)).isFalse();
    }
    assertThat(added).isEqualTo(hashes.stream().map(h -> h == 0 ? 1L : h).distinct().count());
  }

  @Test
  void shouldCountEveryUnitOnceUnderConcurrentAdds() throws InterruptedException {
    DistinctUnits units = new DistinctUnits(1 << 14);
    AtomicLong added = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (long h = 1; h <= 10_000; h++) { // every thread adds the same 10 000 hashes
                  if (units.add(h * 0x9E3779B97F4A7C15L)) {
                    added.incrementAndGet();
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(added.get()).isEqualTo(10_000);
  }

  @Test
  void shouldStayBoundedByStartingOverWhenFull() {
    DistinctUnits units = new DistinctUnits(64);
    long added = 0;
    for (long h = 1; h <= 1000; h++) {
      added += units.add(h) ? 1 : 0;
    }
    assertThat(added).isEqualTo(1000);
    assertThat(units.capacity()).isEqualTo(64);
    // after a reset, units seen before the reset count again
    assertThat(units.add(1)).isTrue();
  }
}
