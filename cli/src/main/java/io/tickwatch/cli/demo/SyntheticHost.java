package io.tickwatch.cli.demo;

import io.tickwatch.avro.AgentHealth;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated game-server host for the interim demo publisher: a small, seeded model whose
 * metrics move plausibly (players drift, CPU and tick time follow the player count, the heap grows
 * and drops at each collection, ticks occasionally spike).
 *
 * <p>One thread calls {@link #nextBatch}; {@link #acknowledged} may be called from any thread.
 */
final class SyntheticHost {

  static final int SAMPLES_PER_BATCH = 100;
  static final int SAMPLE_INTERVAL_MICROS = 1_000;

  private static final double HEAP_MAX_BYTES = 2.0 * 1024 * 1024 * 1024;
  private static final double TICK_BUDGET_MICROS = 50_000; // 20 ticks per second

  private final String hostId;
  private final String agentRunId = UUID.randomUUID().toString();
  private final SplittableRandom random;
  private final Map<String, String> tags;
  private long sequence;
  private long nextStartMillis;
  private double players;
  private double heapUsedBytes;
  private double cpuPercent;
  private long tickOverruns;
  private final AtomicLong batchesAcked = new AtomicLong();
  private long batchesProduced;

  SyntheticHost(String hostId, long seed, long startMillis, String region) {
    this.hostId = hostId;
    this.random = new SplittableRandom(seed);
    this.tags = Map.of("region", region, "build", "demo", "role", "game");
    this.nextStartMillis = startMillis;
    this.players = 40 + random.nextDouble() * 80;
    this.heapUsedBytes = HEAP_MAX_BYTES * (0.2 + 0.2 * random.nextDouble());
    this.cpuPercent = 20;
  }

  String hostId() {
    return hostId;
  }

  /** Counts a batch Kafka acknowledged; the next batch's health section reports it. */
  void acknowledged() {
    batchesAcked.incrementAndGet();
  }

  /** Builds the next batch of {@value #SAMPLES_PER_BATCH} contiguous 1 ms sample slots. */
  SampleBatch nextBatch() {
    List<Double> cpu = new ArrayList<>(SAMPLES_PER_BATCH);
    List<Double> heap = new ArrayList<>(SAMPLES_PER_BATCH);
    List<Double> online = new ArrayList<>(SAMPLES_PER_BATCH);
    List<Double> tickMicros = new ArrayList<>(SAMPLES_PER_BATCH);
    for (int slot = 0; slot < SAMPLES_PER_BATCH; slot++) {
      step();
      cpu.add(round(cpuPercent));
      heap.add(Math.rint(heapUsedBytes));
      online.add(Math.rint(players));
      tickMicros.add(round(tickDurationMicros()));
    }
    batchesProduced++;
    SampleBatch batch =
        SampleBatch.newBuilder()
            .setHostId(hostId)
            .setCluster("demo")
            .setTags(tags)
            .setAgentRunId(agentRunId)
            .setSequence(sequence++)
            .setStartTimeMillis(Instant.ofEpochMilli(nextStartMillis))
            .setSampleIntervalMicros(SAMPLE_INTERVAL_MICROS)
            .setSampleCount(SAMPLES_PER_BATCH)
            .setSeries(
                List.of(
                    series("cpu.process.percent", cpu),
                    series("heap.used.bytes", heap),
                    series("players.online.count", online),
                    series("tick.duration.micros", tickMicros)))
            .setLatencies(List.of())
            .setCounters(Map.of("tick.overruns", tickOverruns))
            .setHealth(
                AgentHealth.newBuilder()
                    .setSamplesProduced(batchesProduced)
                    .setSamplesDelivered(batchesAcked.get())
                    .setSamplesDropped(0)
                    .setSendErrors(0)
                    .setBufferUsedBytes(0)
                    .setBufferCapacityBytes(0)
                    .setLabelValuesFolded(0)
                    .setAgentCpuNanos(0)
                    .build())
            .build();
    nextStartMillis += SAMPLES_PER_BATCH * SAMPLE_INTERVAL_MICROS / 1_000;
    return batch;
  }

  private void step() {
    players = clamp(players + random.nextGaussian() * 0.05, 0, 200);
    double targetCpu = 5 + players * 0.35;
    cpuPercent =
        clamp(cpuPercent + (targetCpu - cpuPercent) * 0.01 + random.nextGaussian(), 0, 100);
    heapUsedBytes += 20_000 + players * 500 + random.nextDouble() * 10_000;
    if (heapUsedBytes > HEAP_MAX_BYTES * 0.8) {
      heapUsedBytes = HEAP_MAX_BYTES * (0.25 + 0.05 * random.nextDouble()); // a collection
    }
  }

  private double tickDurationMicros() {
    double micros = 8_000 + players * 120 + Math.abs(random.nextGaussian()) * 1_500;
    if (random.nextInt(2_000) == 0) {
      micros *= 4; // a rare hitch
    }
    if (micros > TICK_BUDGET_MICROS) {
      tickOverruns++;
    }
    return micros;
  }

  private static MetricSeries series(String name, List<Double> values) {
    return MetricSeries.newBuilder().setName(name).setLabels(Map.of()).setValues(values).build();
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  private static double round(double value) {
    return Math.rint(value * 100) / 100;
  }
}
