package io.tickwatch.producer.internal.record;

import io.tickwatch.stats.sketch.LogBucketSketch;

/**
 * The sampler-side reader of {@link LatencyRecorder}s: reports what was recorded since the previous
 * read, per slot ({@link #readSlot}) and per publish interval ({@link #readBatch}). Not
 * thread-safe: one reader thread per recorder.
 */
public final class LatencyReader {

  private LatencyReader() {}

  /** Adds to {@code out} what every cell recorded since the previous slot read. */
  public static void readSlot(LatencyRecorder recorder, SlotStats out) {
    for (LatencyCell cell : recorder.cells()) {
      boolean gone = cell.ownerGone();
      long count = cell.readCount();
      if (count == cell.previousSlotCount && !gone) {
        // nothing new: the writer updates the maximum only after the count, so there is nothing
        // to take either (and no atomic exchange on the writer's cache line)
        continue;
      }
      long sum = cell.readSumNanos();
      long max = cell.takeSlotMax();
      long overruns = cell.readOverruns();
      long drops = cell.readFrameDrops();
      out.count += count - cell.previousSlotCount;
      out.sumNanos += sum - cell.previousSlotSum;
      out.maxNanos = Math.max(out.maxNanos, max);
      out.overruns += overruns - cell.previousOverruns;
      out.frameDrops += drops - cell.previousFrameDrops;
      cell.previousSlotCount = count;
      cell.previousSlotSum = sum;
      cell.previousOverruns = overruns;
      cell.previousFrameDrops = drops;
      if (gone) {
        cell.slotDrained = true;
        retireIfDrained(recorder, cell);
      }
    }
  }

  /**
   * Everything recorded since the previous batch read, as a sketch in microseconds with exact sum,
   * min and max. Cells of ended threads are retired after their final read.
   */
  public static BatchLatency readBatch(LatencyRecorder recorder) {
    NanosBucketIndex index = recorder.index();
    LogBucketSketch sketch = new LogBucketSketch(index.mapping());
    long sumNanos = 0;
    long minNanos = Long.MAX_VALUE;
    long maxNanos = Long.MIN_VALUE;
    for (LatencyCell cell : recorder.cells()) {
      boolean gone = cell.ownerGone();
      long count = cell.readCount();
      long sum = cell.readSumNanos();
      long cellMin = cell.takeBatchMin();
      long cellMax = cell.takeBatchMax();
      if (count == cell.previousBatchCount) {
        retireIfGone(recorder, cell, gone);
        continue;
      }
      sumNanos += sum - cell.previousBatchSum;
      cell.previousBatchCount = count;
      cell.previousBatchSum = sum;
      minNanos = Math.min(minNanos, cellMin);
      maxNanos = Math.max(maxNanos, cellMax);
      int[] previous = cell.previousBuckets;
      for (int slot = 0; slot < previous.length; slot++) {
        int now = cell.readBucket(slot);
        int delta = now - previous[slot];
        if (delta != 0) {
          previous[slot] = now;
          if (slot == 0) {
            sketch.add(0.0, delta);
          } else {
            sketch.addToBucketIndex(index.bucketIndexOfSlot(slot), delta);
          }
        }
      }
      retireIfGone(recorder, cell, gone);
    }
    if (sketch.isEmpty()) {
      return new BatchLatency(sketch, 0.0, Double.NaN, Double.NaN);
    }
    double sumMicros = sumNanos / 1000.0;
    double minMicros = minNanos == Long.MAX_VALUE ? Double.NaN : minNanos / 1000.0;
    double maxMicros = maxNanos <= 0 && minNanos != 0 ? Double.NaN : maxNanos / 1000.0;
    if (Double.isNaN(minMicros) || Double.isNaN(maxMicros) || minMicros > maxMicros) {
      // a writer raced with the extreme reset: fall back to the bucket bounds
      minMicros = sketch.quantile(0);
      maxMicros = sketch.quantile(1);
    }
    sketch.setExactStatistics(minMicros, maxMicros, sumMicros);
    return new BatchLatency(sketch, sumMicros, minMicros, maxMicros);
  }

  private static void retireIfGone(LatencyRecorder recorder, LatencyCell cell, boolean gone) {
    if (gone) {
      cell.batchDrained = true;
      retireIfDrained(recorder, cell);
    }
  }

  /** A dead thread's cell goes once both the slot and the batch reader saw its final values. */
  private static void retireIfDrained(LatencyRecorder recorder, LatencyCell cell) {
    if (cell.slotDrained && cell.batchDrained) {
      recorder.retire(cell);
    }
  }
}
