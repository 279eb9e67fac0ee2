package io.tickwatch.streams.stats;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.stats.rolling.FleetAggregate;
import io.tickwatch.stats.rolling.FleetWatermark;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Merges the hosts' per-series final results of the smallest window into fleet-wide windows of
 * every size (one window store per size), and emits a fleet window's final result once every active
 * host has reported past its end ({@link FleetWatermark}), plus throttled early updates.
 *
 * <p>Input: key {@code * /<metric>{labels}} (without the space), value the contribution of one host
 * (a {@link FleetAggregate} with one host id), timestamp the last millisecond of the host's window.
 * Output: {@link RollingStats} records, {@code finalResult} telling final from early.
 *
 * <p>State: the window stores (logged) and {@value #PROGRESS_SUFFIX} (logged): each host's progress
 * and, per size, the end up to which windows were emitted, so that a restart neither repeats nor
 * loses a final result. Early-update throttling is in memory (best effort).
 */
final class FleetWindows implements Processor<String, FleetAggregate, String, RollingStats> {
  static final String PROGRESS_SUFFIX = "-progress";
  private static final String HOST_PREFIX = "host/";
  private static final String CLOSED_PREFIX = "closed/";

  private final RollingStatsConfig config;
  private final String progressStoreName;
  private final Map<Long, String> storeNames = new HashMap<>();
  private final Map<Long, WindowStore<String, FleetAggregate>> stores = new HashMap<>();
  private final Map<Long, Long> closedEnds = new HashMap<>();
  private final Map<String, Long> lastLive = new HashMap<>();
  private KeyValueStore<String, Long> progress;
  private FleetWatermark watermark;
  private ProcessorContext<String, RollingStats> context;
  private Sensor late;

  FleetWindows(RollingStatsConfig config, String progressStoreName) {
    this.config = config;
    this.progressStoreName = progressStoreName;
    for (Duration size : config.windowSizes()) {
      storeNames.put(size.toMillis(), RollingStatsTopology.fleetStoreName(size));
    }
  }

  @Override
  public void init(ProcessorContext<String, RollingStats> processorContext) {
    this.context = processorContext;
    storeNames.forEach((size, name) -> stores.put(size, processorContext.getStateStore(name)));
    progress = processorContext.getStateStore(progressStoreName);
    long now = processorContext.currentSystemTimeMs();
    watermark = new FleetWatermark(config.fleetHostTimeout().toMillis(), now);
    try (KeyValueIterator<String, Long> all = progress.all()) {
      while (all.hasNext()) {
        KeyValue<String, Long> entry = all.next();
        if (entry.key.startsWith(HOST_PREFIX)) {
          watermark.observe(entry.key.substring(HOST_PREFIX.length()), entry.value, now);
        } else if (entry.key.startsWith(CLOSED_PREFIX)) {
          closedEnds.put(Long.parseLong(entry.key.substring(CLOSED_PREFIX.length())), entry.value);
        }
      }
    }
    String task = processorContext.taskId().toString();
    late =
        processorContext
            .metrics()
            .addSensor("fleet-late-contributions-total-" + task, Sensor.RecordingLevel.INFO);
    late.add(
        new MetricName(
            "fleet-late-contributions-total",
            BatchSlicer.METRIC_GROUP,
            "Host results that arrived after their fleet window was emitted (host silent longer"
                + " than the fleet host timeout)",
            Map.of("task-id", task)),
        new CumulativeSum());
    processorContext.schedule(
        Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::closeCompleteWindows);
  }

  @Override
  public void process(Record<String, FleetAggregate> record) {
    FleetAggregate contribution = record.value();
    if (contribution == null || contribution.hostIds().isEmpty()) {
      return;
    }
    long timestamp = record.timestamp();
    boolean wasLate = false;
    for (Map.Entry<Long, WindowStore<String, FleetAggregate>> entry : stores.entrySet()) {
      long size = entry.getKey();
      long start = Math.floorDiv(timestamp, size) * size;
      if (start + size <= closedEnds.getOrDefault(size, Long.MIN_VALUE)) {
        wasLate = true;
        continue;
      }
      WindowStore<String, FleetAggregate> store = entry.getValue();
      FleetAggregate merged = FleetAggregate.merge(store.fetch(record.key(), start), contribution);
      store.put(record.key(), merged, start);
      emitLive(record.key(), merged, start, size, timestamp);
    }
    if (wasLate) {
      late.record(1);
    }
    long now = context.currentSystemTimeMs();
    String host = contribution.hostIds().first();
    if (watermark.observe(host, timestamp + 1, now)) {
      progress.put(HOST_PREFIX + host, timestamp + 1);
    }
    closeCompleteWindows(now);
  }

  private void emitLive(String key, FleetAggregate merged, long start, long size, long timestamp) {
    if (!config.emits(start, start + size)) {
      return;
    }
    long interval = config.liveUpdateInterval().toMillis();
    String liveKey = key + "@" + size;
    Long last = lastLive.get(liveKey);
    if (interval > 0 && last != null && timestamp - last < interval) {
      return;
    }
    lastLive.put(liveKey, timestamp);
    context.forward(
        new Record<>(key, RollingStatsRecords.ofFleet(merged, start, size, false), timestamp));
  }

  private void closeCompleteWindows(long now) {
    long mark = watermark.watermark(now);
    if (mark == Long.MIN_VALUE) {
      return;
    }
    for (Map.Entry<Long, WindowStore<String, FleetAggregate>> entry : stores.entrySet()) {
      long size = entry.getKey();
      long closeUpTo = Math.floorDiv(mark, size) * size; // end of the last complete window
      long closed = closedEnds.getOrDefault(size, Long.MIN_VALUE);
      if (closeUpTo <= closed) {
        continue;
      }
      long fromStart = closed == Long.MIN_VALUE ? 0 : closed;
      try (KeyValueIterator<Windowed<String>, FleetAggregate> windows =
          entry.getValue().fetchAll(fromStart, closeUpTo - size)) {
        while (windows.hasNext()) {
          KeyValue<Windowed<String>, FleetAggregate> window = windows.next();
          long start = window.key.window().start();
          if (config.emits(start, start + size)) {
            context.forward(
                new Record<>(
                    window.key.key(),
                    RollingStatsRecords.ofFleet(window.value, start, size, true),
                    start + size - 1));
          }
        }
      }
      closedEnds.put(size, closeUpTo);
      progress.put(CLOSED_PREFIX + size, closeUpTo);
    }
    if (lastLive.size() > 100_000) {
      lastLive.clear(); // bound the throttle's memory; costs one extra early update per key
    }
  }

  @Override
  public void close() {
    context.metrics().removeSensor(late);
  }
}
