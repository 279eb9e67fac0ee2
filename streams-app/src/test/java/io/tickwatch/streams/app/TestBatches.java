package io.tickwatch.streams.app;

import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.RecentTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deterministic sample batches with known values, for the broker-backed tests. */
final class TestBatches {

  /** 100 one-millisecond slots per batch, as the agent publishes. */
  static final int SLOTS = 100;

  /**
   * The start of the current hour: an hour boundary, so that every window size starts at a batch
   * boundary, and recent, so the broker's retention never deletes the test's input (see {@link
   * RecentTime}).
   */
  static final long BASE_MILLIS = RecentTime.currentHourStartMillis();

  private TestBatches() {}

  /**
   * Batch {@code index} of {@code host}: starts at {@code BASE_MILLIS + index * 100}, two series
   * ({@code tick.max.micros} and {@code action.count{action=move}}) of small integers (exact sums
   * in any order), every 37th slot NaN.
   */
  static SampleBatch batch(String host, int hostIndex, long index) {
    return batchAt(host, hostIndex, BASE_MILLIS + index * SLOTS, index);
  }

  static SampleBatch batchAt(String host, int hostIndex, long startMillis, long sequence) {
    List<Double> ticks = new ArrayList<>(SLOTS);
    List<Double> actions = new ArrayList<>(SLOTS);
    for (int k = 0; k < SLOTS; k++) {
      long slot = sequence * SLOTS + k;
      ticks.add(
          slot % 37 == 0 ? Double.NaN : (double) ((slot * 7919 + hostIndex * 104_729) % 20_000));
      actions.add((double) ((slot * 31 + hostIndex) % 5));
    }
    return SampleBatch.newBuilder()
        .setHostId(host)
        .setCluster("test")
        .setSequence(sequence)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(1000)
        .setSampleCount(SLOTS)
        .setSeries(
            List.of(
                MetricSeries.newBuilder()
                    .setName("tick.max.micros")
                    .setLabels(Map.of())
                    .setValues(ticks)
                    .build(),
                MetricSeries.newBuilder()
                    .setName("action.count")
                    .setLabels(Map.of("action", "move"))
                    .setValues(actions)
                    .build()))
        .build();
  }
}
