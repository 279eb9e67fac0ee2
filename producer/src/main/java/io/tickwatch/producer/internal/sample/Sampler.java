package io.tickwatch.producer.internal.sample;

import io.tickwatch.avro.AgentHealth;
import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.producer.internal.collect.SystemCollector;
import io.tickwatch.producer.internal.record.BatchLatency;
import io.tickwatch.producer.internal.record.CounterRecorder;
import io.tickwatch.producer.internal.record.LatencyFamily;
import io.tickwatch.producer.internal.record.LatencyReader;
import io.tickwatch.producer.internal.record.LatencyRecorder;
import io.tickwatch.producer.internal.record.MetricRegistry;
import io.tickwatch.producer.internal.record.SlotStats;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every recorder, gauge and collector once per slot and emits one {@link SampleBatch} per
 * {@code slotsPerBatch} slots to a sink. Single-threaded: only the sampler thread (or a test) calls
 * it. Never throws: a failing collector or gauge yields NaN for that slot.
 */
public final class Sampler {

  private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);
  private static final int MAX_COLLECTOR_FAILURES = 100;
  private static final int TICK_RATE_WINDOW_SLOTS = 1000;

  private final MetricRegistry registry;
  private final SamplerSettings settings;
  private final InstantSource clock;
  private final Consumer<SampleBatch> sink;
  private final Supplier<AgentHealth> health;
  private final int slots;
  private final List<CollectorState> collectors = new ArrayList<>();
  private List<SystemCollector> pendingCollectors;
  private final List<SystemCollector> allCollectors;
  private final Map<String, Column> columns = new LinkedHashMap<>();
  private final SlotStats stats = new SlotStats();
  private final long[] tickTotals = new long[TICK_RATE_WINDOW_SLOTS];

  private final Column tickCount;
  private final Column tickMean;
  private final Column tickMax;
  private final Column tickRate;
  private final Column frameDrops;
  private final Column players;
  private final Column actionCount;
  private final Column actionMean;
  private final Column actionMax;
  private List<TimerColumns> timerColumns = List.of();
  private List<LatencyRecorder> actionRecorders = List.of();
  private List<GaugeColumn> gaugeColumns = List.of();
  private int seenVersion = -1;

  private int slot;
  private long slotsSampled;
  private long tickTotal;
  private long overrunTotal;
  private long frameDropTotal;
  private long sequence;
  private long batchStartMillis;
  private long collectorFailures;

  /**
   * Creates a sampler; collectors are probed on the first slot, and those that report themselves
   * unavailable are left out entirely (their series are absent).
   */
  public Sampler(
      MetricRegistry registry,
      List<SystemCollector> systemCollectors,
      SamplerSettings settings,
      InstantSource clock,
      Consumer<SampleBatch> sink,
      Supplier<AgentHealth> health) {
    this.registry = registry;
    this.settings = settings;
    this.clock = clock;
    this.sink = sink;
    this.health = health;
    this.slots = settings.slotsPerBatch();
    this.pendingCollectors = List.copyOf(systemCollectors);
    this.allCollectors = pendingCollectors;
    tickCount = column("tick.count", Map.of());
    tickMean = column("tick.mean.micros", Map.of());
    tickMax = column("tick.max.micros", Map.of());
    tickRate = column("tick.rate.per.second", Map.of());
    frameDrops = column("frame.drops", Map.of());
    players = column("players.active", Map.of());
    actionCount = column("action.latency.count", Map.of());
    actionMean = column("action.latency.mean.micros", Map.of());
    actionMax = column("action.latency.max.micros", Map.of());
  }

  /** Samples the current slot at monotonic time {@code nowNanos}; emits a batch when full. */
  public void sampleSlot(long nowNanos) {
    try {
      initCollectors();
      startBatchIfNeeded();
      refreshStructure();
      sampleCollectors(nowNanos);
      sampleTicks();
      sampleLatency(actionRecorders, actionCount, actionMean, actionMax);
      for (TimerColumns timer : timerColumns) {
        sampleLatency(timer.recorders, timer.count, timer.mean, timer.max);
      }
      int playerCount = registry.activePlayers();
      players.values[slot] = playerCount < 0 ? Double.NaN : playerCount;
      for (GaugeColumn gauge : gaugeColumns) {
        gauge.column.values[slot] = readGauge(gauge.supplier);
      }
    } catch (Throwable t) {
      LOG.warn("sampling slot failed", t);
    }
    advance();
  }

  /** Marks {@code missed} slots as having no reading (the sampler thread ran late). */
  public void skipSlots(long missed) {
    for (long i = 0; i < missed; i++) {
      startBatchIfNeeded();
      advance();
    }
  }

  /** Emits the slots sampled so far as a (short) batch, if any. */
  public void flush() {
    if (slot > 0) {
      finishBatch(slot);
    }
  }

  /** Batches emitted so far (the next batch's sequence number). */
  public long batchesEmitted() {
    return sequence;
  }

  /** Total slots sampled. */
  public long slotsSampled() {
    return slotsSampled;
  }

  /** Collector runs that failed. */
  public long collectorFailures() {
    return collectorFailures;
  }

  /**
   * Releases the collectors' resources: every collector given, not only those found available, so a
   * collector still being probed on the sampler thread (or one that opened a file and then reported
   * itself unavailable) is closed too. Safe to call from another thread.
   */
  public void close() {
    for (SystemCollector collector : allCollectors) {
      try {
        collector.close();
      } catch (Throwable ignored) {
        // closing is best effort
      }
    }
  }

  /** Probes the collectors (some start processes or open files) on the sampler thread. */
  private void initCollectors() {
    if (pendingCollectors == null) {
      return;
    }
    List<SystemCollector> systemCollectors = pendingCollectors;
    pendingCollectors = null;
    int intervalMillis = Math.max(1, settings.sampleIntervalMicros() / 1000);
    for (SystemCollector collector : systemCollectors) {
      boolean available;
      try {
        available = collector.available();
      } catch (Throwable t) {
        available = false;
      }
      if (!available) {
        LOG.info("collector {} not available on this host; its series are absent", collector);
        continue;
      }
      List<Column> own = new ArrayList<>();
      for (String name : collector.seriesNames()) {
        own.add(column(name, Map.of()));
      }
      int cadenceSlots = Math.max(1, collector.cadenceMillis() / intervalMillis);
      collectors.add(new CollectorState(collector, own, cadenceSlots));
    }
  }

  private void startBatchIfNeeded() {
    if (slot == 0) {
      batchStartMillis = clock.millis();
    }
  }

  private void advance() {
    slot++;
    slotsSampled++;
    if (slot == slots) {
      finishBatch(slots);
    }
  }

  private void sampleCollectors(long nowNanos) {
    for (CollectorState state : collectors) {
      if (state.disabled) {
        continue;
      }
      if (slotsSampled % state.cadenceSlots == 0 || !state.hasValue) {
        try {
          state.collector.collect(nowNanos, state.latest);
          state.hasValue = true;
          state.failures = 0;
        } catch (Throwable t) {
          collectorFailures++;
          Arrays.fill(state.latest, Double.NaN);
          if (++state.failures >= MAX_COLLECTOR_FAILURES) {
            state.disabled = true;
            LOG.warn("collector {} failed {} times; disabled", state.collector, state.failures, t);
          }
        }
      }
      for (int i = 0; i < state.columns.size(); i++) {
        state.columns.get(i).values[slot] = state.latest[i];
      }
    }
  }

  private void sampleTicks() {
    stats.clear();
    LatencyReader.readSlot(registry.tick(), stats);
    writeLatency(stats, tickCount, tickMean, tickMax);
    frameDrops.values[slot] = stats.frameDrops;
    tickTotal += stats.count;
    overrunTotal += stats.overruns;
    frameDropTotal += stats.frameDrops;
    int ring = (int) (slotsSampled % TICK_RATE_WINDOW_SLOTS);
    long windowSlots = Math.min(slotsSampled + 1, TICK_RATE_WINDOW_SLOTS);
    long before = slotsSampled + 1 > TICK_RATE_WINDOW_SLOTS ? tickTotals[ring] : 0;
    tickTotals[ring] = tickTotal;
    double windowSeconds = windowSlots * settings.sampleIntervalMicros() / 1e6;
    tickRate.values[slot] = (tickTotal - before) / windowSeconds;
  }

  private void sampleLatency(
      List<LatencyRecorder> recorders, Column count, Column mean, Column max) {
    stats.clear();
    for (int i = 0; i < recorders.size(); i++) {
      LatencyReader.readSlot(recorders.get(i), stats);
    }
    writeLatency(stats, count, mean, max);
  }

  private void writeLatency(SlotStats s, Column count, Column mean, Column max) {
    count.values[slot] = s.count;
    mean.values[slot] = s.count == 0 ? Double.NaN : s.sumNanos / (s.count * 1000.0);
    max.values[slot] = s.count == 0 ? Double.NaN : s.maxNanos / 1000.0;
  }

  private static double readGauge(DoubleSupplier supplier) {
    try {
      return supplier.getAsDouble();
    } catch (Throwable t) {
      return Double.NaN;
    }
  }

  private void refreshStructure() {
    int version = registry.version();
    if (version == seenVersion) {
      return;
    }
    seenVersion = version;
    List<TimerColumns> timers = new ArrayList<>();
    for (LatencyFamily family : registry.timers().values()) {
      timers.add(
          new TimerColumns(
              List.copyOf(family.allRecorders()),
              column(family.name() + ".count", Map.of()),
              column(family.name() + ".mean.micros", Map.of()),
              column(family.name() + ".max.micros", Map.of())));
    }
    List<GaugeColumn> gauges = new ArrayList<>();
    registry
        .gauges()
        .forEach((name, supplier) -> gauges.add(new GaugeColumn(column(name, Map.of()), supplier)));
    timerColumns = timers;
    actionRecorders = List.copyOf(registry.actions().allRecorders());
    gaugeColumns = gauges;
  }

  private Column column(String name, Map<String, String> labels) {
    return columns.computeIfAbsent(name, n -> new Column(n, labels, slots));
  }

  private void finishBatch(int sampleCount) {
    try {
      sink.accept(buildBatch(sampleCount));
    } catch (Throwable t) {
      LOG.warn("building or handing over a batch failed", t);
    } finally {
      sequence++;
      slot = 0;
      for (Column column : columns.values()) {
        column.reset();
      }
    }
  }

  private SampleBatch buildBatch(int sampleCount) {
    List<MetricSeries> series = new ArrayList<>(columns.size());
    for (Column column : columns.values()) {
      series.add(column.toSeries(sampleCount));
    }
    List<LatencyDigest> latencies = new ArrayList<>();
    latencies.add(
        digest("tick.duration", Map.of(), LatencyReader.readBatch(registry.tick()), true));
    addFamily(latencies, registry.actions());
    for (LatencyFamily family : registry.timers().values()) {
      addFamily(latencies, family);
    }
    registry
        .labeledTimers()
        .forEach(
            (labeled, recorder) -> {
              LatencyDigest digest =
                  digest(
                      labeled.name(), labeled.labels(), LatencyReader.readBatch(recorder), false);
              if (digest != null) {
                latencies.add(digest);
              }
            });
    Map<String, Long> counters = new LinkedHashMap<>();
    counters.put("ticks.total", tickTotal);
    counters.put("tick.overruns.total", overrunTotal);
    counters.put("frame.drops.total", frameDropTotal);
    for (Map.Entry<String, CounterRecorder> counter : registry.counters().entrySet()) {
      counters.put(counter.getKey(), counter.getValue().readTotal());
    }
    return new SampleBatch(
        settings.hostId(),
        settings.cluster(),
        settings.tags(),
        settings.agentRunId(),
        sequence,
        Instant.ofEpochMilli(batchStartMillis),
        settings.sampleIntervalMicros(),
        sampleCount,
        series,
        latencies,
        counters,
        health.get());
  }

  private static void addFamily(List<LatencyDigest> out, LatencyFamily family) {
    family
        .recorders()
        .forEach(
            (value, recorder) -> {
              Map<String, String> labels =
                  family.labelKey() == null ? Map.of() : Map.of(family.labelKey(), value);
              LatencyDigest digest =
                  digest(family.name(), labels, LatencyReader.readBatch(recorder), false);
              if (digest != null) {
                out.add(digest);
              }
            });
  }

  private static LatencyDigest digest(
      String name, Map<String, String> labels, BatchLatency batch, boolean keepEmpty) {
    if (batch.count() == 0 && !keepEmpty) {
      return null;
    }
    return new LatencyDigest(
        name,
        labels,
        batch.count(),
        batch.sumMicros(),
        batch.minMicros(),
        batch.maxMicros(),
        AvroSketches.toAvro(batch.sketch()));
  }

  private static final class CollectorState {
    final SystemCollector collector;
    final List<Column> columns;
    final int cadenceSlots;
    final double[] latest;
    boolean hasValue;
    boolean disabled;
    int failures;

    CollectorState(SystemCollector collector, List<Column> columns, int cadenceSlots) {
      this.collector = collector;
      this.columns = columns;
      this.cadenceSlots = cadenceSlots;
      this.latest = new double[columns.size()];
      Arrays.fill(latest, Double.NaN);
    }
  }

  private record TimerColumns(
      List<LatencyRecorder> recorders, Column count, Column mean, Column max) {}

  private record GaugeColumn(Column column, DoubleSupplier supplier) {}
}
