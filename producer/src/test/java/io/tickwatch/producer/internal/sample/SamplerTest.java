package io.tickwatch.producer.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.AgentHealth;
import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.producer.internal.collect.SystemCollector;
import io.tickwatch.producer.internal.record.LatencyCell;
import io.tickwatch.producer.internal.record.MetricRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplerTest {

  private final MetricRegistry registry = new MetricRegistry(0.01, 8, 8);
  private final List<SampleBatch> batches = new ArrayList<>();
  private final CountingCollector counting = new CountingCollector();

  private Sampler sampler(List<SystemCollector> collectors) {
    return new Sampler(
        registry,
        collectors,
        new SamplerSettings("host-1", "eu", Map.of("region", "eu-west"), "run-1", 1000, 10),
        InstantSource.fixed(Instant.ofEpochMilli(5_000)),
        batches::add,
        () -> new AgentHealth(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
  }

  @Test
  void shouldEmitOneBatchPerPublishIntervalWithOneValuePerSlotInEverySeries() {
    Sampler sampler = sampler(List.of(counting));

    for (int i = 0; i < 25; i++) {
      sampler.sampleSlot(i * 1_000_000L);
    }

    assertThat(batches).hasSize(2);
    SampleBatch first = batches.get(0);
    assertThat(first.getHostId()).isEqualTo("host-1");
    assertThat(first.getSequence()).isZero();
    assertThat(batches.get(1).getSequence()).isEqualTo(1);
    assertThat(first.getSampleCount()).isEqualTo(10);
    assertThat(first.getStartTimeMillis()).isEqualTo(Instant.ofEpochMilli(5_000));
    assertThat(first.getSeries()).allSatisfy(s -> assertThat(s.getValues()).hasSize(10));
    assertThat(first.getHealth().getAgentCpuNanos()).isEqualTo(8L);
  }

  @Test
  void shouldRunSlowCollectorsAtTheirCadenceAndCarryValuesForward() {
    Sampler sampler = sampler(List.of(counting));

    for (int i = 0; i < 10; i++) {
      sampler.sampleSlot(i * 1_000_000L);
    }

    assertThat(counting.calls).isEqualTo(3);
    assertThat(series(batches.get(0), "test.calls"))
        .containsExactly(1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 3.0, 3.0);
  }

  @Test
  void shouldLeaveSeriesOfUnavailableCollectorsAbsent() {
    Sampler sampler = sampler(List.of(new UnavailableCollector()));

    for (int i = 0; i < 10; i++) {
      sampler.sampleSlot(i);
    }

    assertThat(batches.get(0).getSeries())
        .extracting(MetricSeries::getName)
        .doesNotContain("cache.misses.per.second")
        .contains("tick.count", "players.active");
  }

  @Test
  void shouldMarkMissedSlotsAsNoReading() {
    Sampler sampler = sampler(List.of(counting));
    registry.activePlayers(42);

    sampler.sampleSlot(0);
    sampler.skipSlots(3);
    for (int i = 4; i < 10; i++) {
      sampler.sampleSlot(i * 1_000_000L);
    }

    List<Double> players = series(batches.get(0), "players.active");
    assertThat(players.get(0)).isEqualTo(42.0);
    assertThat(players.subList(1, 4)).allSatisfy(v -> assertThat(v).isNaN());
    assertThat(players.get(4)).isEqualTo(42.0);
  }

  @Test
  void shouldPublishTickLatencyPerSlotAndAsADigestPerBatch() {
    Sampler sampler = sampler(List.of());
    LatencyCell tick = registry.tick().cellForCurrentThread();

    tick.recordTick(10_000_000L, 16_666_666L);
    tick.recordTick(20_000_000L, 16_666_666L);
    sampler.sampleSlot(0);
    for (int i = 1; i < 10; i++) {
      sampler.sampleSlot(i);
    }

    SampleBatch batch = batches.get(0);
    assertThat(series(batch, "tick.count").get(0)).isEqualTo(2.0);
    assertThat(series(batch, "tick.mean.micros").get(0)).isEqualTo(15_000.0);
    assertThat(series(batch, "tick.max.micros").get(0)).isEqualTo(20_000.0);
    assertThat(series(batch, "tick.max.micros").get(1)).isNaN();
    assertThat(series(batch, "frame.drops").get(0)).isEqualTo(1.0);
    LatencyDigest digest = batch.getLatencies().get(0);
    assertThat(digest.getName()).isEqualTo("tick.duration");
    assertThat(digest.getCount()).isEqualTo(2);
    assertThat(digest.getMaxMicros()).isEqualTo(20_000.0);
    assertThat(AvroSketches.fromDigest(digest).quantile(1.0)).isEqualTo(20_000.0);
    assertThat(batch.getCounters())
        .containsEntry("ticks.total", 2L)
        .containsEntry("tick.overruns.total", 1L)
        .containsEntry("frame.drops.total", 1L);
  }

  @Test
  void shouldPublishPerLabelDigestsAndCustomMetrics() {
    Sampler sampler = sampler(List.of());
    registry.actions().forLabel("move").record(1_000);
    registry.actions().forLabel("attack").record(2_000);
    registry.timer("db.query", null).unlabeled().record(3_000);
    registry.counter("logins").add(5);
    registry.gauge("queue.depth", () -> 7.0);
    registry.gauge(
        "broken",
        () -> {
          throw new IllegalStateException("boom");
        });

    for (int i = 0; i < 10; i++) {
      sampler.sampleSlot(i);
    }

    SampleBatch batch = batches.get(0);
    assertThat(batch.getLatencies())
        .extracting(d -> d.getName() + d.getLabels())
        .contains("action.latency{action=move}", "action.latency{action=attack}", "db.query{}");
    assertThat(series(batch, "queue.depth")).allSatisfy(v -> assertThat(v).isEqualTo(7.0));
    assertThat(series(batch, "broken")).allSatisfy(v -> assertThat(v).isNaN());
    assertThat(series(batch, "db.query.count").get(0)).isEqualTo(1.0);
    assertThat(batch.getCounters()).containsEntry("logins", 5L);
  }

  @Test
  void shouldNeverThrowWhenTheSinkOrACollectorFails() {
    Sampler sampler =
        new Sampler(
            registry,
            List.of(new FailingCollector()),
            new SamplerSettings("h", "", Map.of(), "r", 1000, 5),
            InstantSource.system(),
            b -> {
              throw new IllegalStateException("sink down");
            },
            () -> null);

    for (int i = 0; i < 12; i++) {
      sampler.sampleSlot(i);
    }

    assertThat(sampler.batchesEmitted()).isEqualTo(2);
    assertThat(sampler.collectorFailures()).isEqualTo(12);
  }

  private static List<Double> series(SampleBatch batch, String name) {
    return batch.getSeries().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + name))
        .getValues();
  }

  @Test
  void shouldCloseEveryCollectorGivenIncludingUnavailableAndNotYetProbedOnes() {
    UnavailableCollector unavailable = new UnavailableCollector();
    Sampler probed = sampler(List.of(unavailable, counting));
    probed.sampleSlot(0);
    CountingCollector notProbed = new CountingCollector();
    Sampler neverStarted = sampler(List.of(notProbed));

    probed.close();
    neverStarted.close();

    assertThat(unavailable.closed).as("unavailable after its probe").isTrue();
    assertThat(counting.closed).as("available").isTrue();
    assertThat(notProbed.closed).as("closed before the sampler thread probed it").isTrue();
  }

  private static final class CountingCollector implements SystemCollector {
    int calls;
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public List<String> seriesNames() {
      return List.of("test.calls");
    }

    @Override
    public int cadenceMillis() {
      return 4;
    }

    @Override
    public void collect(long nowNanos, double[] out) {
      out[0] = ++calls;
    }
  }

  private static final class UnavailableCollector implements SystemCollector {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public List<String> seriesNames() {
      return List.of("cache.misses.per.second");
    }

    @Override
    public int cadenceMillis() {
      return 1;
    }

    @Override
    public boolean available() {
      return false;
    }

    @Override
    public void collect(long nowNanos, double[] out) {
      throw new AssertionError("must not be called");
    }
  }

  private static final class FailingCollector implements SystemCollector {
    @Override
    public List<String> seriesNames() {
      return List.of("fails");
    }

    @Override
    public int cadenceMillis() {
      return 1;
    }

    @Override
    public void collect(long nowNanos, double[] out) throws Exception {
      throw new java.io.IOException("no /proc");
    }
  }
}
