package io.tickwatch.producer.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LatencyReaderTest {

  private final LatencyRecorder recorder = new LatencyRecorder(NanosBucketIndex.forAccuracy(0.01));

  @Test
  void shouldReportEachSlotOnlyWhatWasRecordedSinceThePreviousRead() {
    recorder.record(1_000);
    recorder.record(3_000);
    SlotStats first = new SlotStats();
    LatencyReader.readSlot(recorder, first);
    recorder.record(2_000);
    SlotStats second = new SlotStats();
    LatencyReader.readSlot(recorder, second);

    assertThat(first.count).isEqualTo(2);
    assertThat(first.sumNanos).isEqualTo(4_000);
    assertThat(first.maxNanos).isEqualTo(3_000);
    assertThat(second.count).isEqualTo(1);
    assertThat(second.maxNanos).isEqualTo(2_000);
  }

  @Test
  void shouldReportABatchAsASketchInMicrosWithExactExtremes() {
    for (int i = 1; i <= 1000; i++) {
      recorder.record(i * 1_000L);
    }

    BatchLatency batch = LatencyReader.readBatch(recorder);
    BatchLatency next = LatencyReader.readBatch(recorder);

    assertThat(batch.count()).isEqualTo(1000);
    assertThat(batch.minMicros()).isEqualTo(1.0);
    assertThat(batch.maxMicros()).isEqualTo(1000.0);
    assertThat(batch.sumMicros()).isEqualTo(500_500.0);
    assertThat(batch.sketch().quantile(0.5)).isCloseTo(500.0, within(5.0));
    assertThat(batch.sketch().quantile(0.99)).isCloseTo(990.0, within(9.9));
    assertThat(next.count()).isZero();
    assertThat(next.minMicros()).isNaN();
  }

  @Test
  void shouldCountTickOverrunsAndFrameDrops() {
    LatencyCell cell = recorder.cellForCurrentThread();
    cell.recordTick(40_000_000L, 16_666_666L);
    cell.recordTick(10_000_000L, 16_666_666L);
    SlotStats stats = new SlotStats();

    LatencyReader.readSlot(recorder, stats);

    assertThat(stats.overruns).isEqualTo(1);
    assertThat(stats.frameDrops).isEqualTo(2);
  }

  @Test
  void shouldNeverLoseACountWhileWritersAndTheReaderRunConcurrently() throws Exception {
    int writers = 2;
    int perWriter = 200_000;
    CountDownLatch done = new CountDownLatch(writers);
    AtomicBoolean go = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Thread t =
          new Thread(
              () -> {
                while (!go.get()) {
                  Thread.onSpinWait();
                }
                for (int i = 0; i < perWriter; i++) {
                  recorder.record(1 + (i % 5000) * 100L);
                }
                done.countDown();
              });
      t.start();
      threads.add(t);
    }
    long slotTotal = 0;
    long batchTotal = 0;
    go.set(true);
    while (done.getCount() > 0) {
      SlotStats stats = new SlotStats();
      LatencyReader.readSlot(recorder, stats);
      slotTotal += stats.count;
      batchTotal += LatencyReader.readBatch(recorder).count();
    }
    for (Thread t : threads) {
      t.join();
    }
    SlotStats rest = new SlotStats();
    LatencyReader.readSlot(recorder, rest);
    slotTotal += rest.count;
    batchTotal += LatencyReader.readBatch(recorder).count();

    assertThat(slotTotal).isEqualTo((long) writers * perWriter);
    assertThat(batchTotal).isEqualTo((long) writers * perWriter);
  }

  @Test
  void shouldRetireTheCellOfAnEndedThreadAfterItsFinalRead() throws Exception {
    Thread writer = new Thread(() -> recorder.record(5_000));
    writer.start();
    writer.join();

    BatchLatency batch = LatencyReader.readBatch(recorder);
    boolean keptForTheSlotReader = !recorder.cells().isEmpty();
    SlotStats slot = new SlotStats();
    LatencyReader.readSlot(recorder, slot);

    assertThat(batch.count()).isEqualTo(1);
    assertThat(keptForTheSlotReader).isTrue();
    assertThat(slot.count).isEqualTo(1);
    assertThat(recorder.cells()).isEmpty();
  }
}
