package io.tickwatch.cli.bench.pipeline;

import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated game server for the benchmark: batches of 100 one-millisecond slots of {@link
 * #SERIES} gauge series (random walks, no NaN), as the agent publishes them every 100 ms. Series 0,
 * {@value #PROBE_SERIES}, is the latency probe: every slot has a reading, so the newest sample in a
 * window is at {@code windowStart + count - 1}.
 */
final class BenchHost {

  static final int SLOTS = 100;
  static final String PROBE_SERIES = "bench.probe.value";
  static final String[] SERIES = {
    PROBE_SERIES,
    "tick.duration.micros",
    "tick.max.micros",
    "cpu.process.percent",
    "heap.used.bytes",
    "gc.pause.micros",
    "players.online.count",
    "net.rx.packets",
    "net.tx.packets",
    "frame.drops.count"
  };

  private final String hostId;
  private final SplittableRandom random;
  private final double[] level = new double[SERIES.length];
  private long sequence;

  BenchHost(String hostId, long seed) {
    this.hostId = hostId;
    this.random = new SplittableRandom(seed);
    for (int s = 0; s < SERIES.length; s++) {
      level[s] = 100 + random.nextDouble(1000);
    }
  }

  String hostId() {
    return hostId;
  }

  /** Samples per batch: slots times series. */
  static int samplesPerBatch() {
    return SLOTS * SERIES.length;
  }

  SampleBatch batch(long startMillis) {
    List<MetricSeries> series = new ArrayList<>(SERIES.length);
    for (int s = 0; s < SERIES.length; s++) {
      List<Double> values = new ArrayList<>(SLOTS);
      for (int k = 0; k < SLOTS; k++) {
        level[s] = Math.max(1, level[s] + random.nextGaussian() * 5);
        values.add(Math.rint(level[s] * 10) / 10);
      }
      series.add(
          MetricSeries.newBuilder()
              .setName(SERIES[s])
              .setLabels(Map.of())
              .setValues(values)
              .build());
    }
    return SampleBatch.newBuilder()
        .setHostId(hostId)
        .setCluster("bench")
        .setAgentRunId("bench")
        .setSequence(sequence++)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(1000)
        .setSampleCount(SLOTS)
        .setSeries(series)
        .build();
  }
}
