package io.tickwatch.dashboard.state;

import io.tickwatch.avro.RollingStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every series' rings (one per {@link Resolution}) and newest 1 s point, plus the hosts seen. Holds
 * at most {@code maxSeries} series; records of further series are dropped and counted. Thread-safe.
 */
public final class SeriesStore {

  private final int maxSeries;
  private final Map<SeriesKey, Entry> series = new ConcurrentHashMap<>();
  private final Map<String, HostEntry> hosts = new ConcurrentHashMap<>();
  private final AtomicLong droppedRecords = new AtomicLong();

  private static final class Entry {
    final Map<Resolution, SeriesRing> rings = new EnumMap<>(Resolution.class);
    volatile LatestPoint latest;

    synchronized SeriesRing ring(Resolution resolution) {
      return rings.computeIfAbsent(resolution, r -> new SeriesRing(r.millis(), r.capacity()));
    }

    synchronized Optional<SeriesRing> existing(Resolution resolution) {
      return Optional.ofNullable(rings.get(resolution));
    }

    synchronized void offerLatest(LatestPoint point) {
      if (point.supersedes(latest)) {
        latest = point;
      }
    }
  }

  /**
   * @param maxSeries series kept at most
   */
  public SeriesStore(int maxSeries) {
    this.maxSeries = maxSeries;
  }

  /**
   * Takes one rolling-stats record (early or final) into the rings.
   *
   * @return the change to push to live clients, empty when the record was ignored (a window size
   *     that is not served, an outdated update, or no room for a new series)
   */
  public Optional<StatsUpdate> accept(RollingStats stats) {
    Optional<Resolution> resolution = Resolution.ofWindowMillis(stats.getWindowSizeMillis());
    if (resolution.isEmpty()) {
      return Optional.empty();
    }
    SeriesKey key = SeriesKey.of(stats);
    Entry entry = entry(key);
    if (entry == null) {
      droppedRecords.incrementAndGet();
      return Optional.empty();
    }
    long end = stats.getWindowEndMillis().toEpochMilli();
    if (!key.fleet()) {
      hosts.merge(
          key.host(),
          new HostEntry(key.host(), stats.getCluster(), end),
          (old, now) -> now.lastSeenMillis() >= old.lastSeenMillis() ? now : old);
    }
    LatestPoint point = LatestPoint.of(stats);
    if (resolution.get() == Resolution.SECONDS_1) {
      entry.offerLatest(point);
    }
    boolean changed =
        entry
            .ring(resolution.get())
            .put(
                point.windowStartMillis(),
                point.mean(),
                point.p99(),
                point.max(),
                point.finalResult());
    if (!changed) {
      return Optional.empty();
    }
    return Optional.of(
        new StatsUpdate(
            key,
            resolution.get(),
            point.windowStartMillis(),
            point.mean(),
            point.p99(),
            point.max()));
  }

  /**
   * Takes raw 1 ms samples of one series.
   *
   * @param startMillis event time of the first value
   * @param intervalMicros time between values
   */
  public void acceptSamples(SeriesKey key, long startMillis, long intervalMicros, double[] values) {
    Entry entry = entry(key);
    if (entry == null) {
      droppedRecords.incrementAndGet();
      return;
    }
    SeriesRing ring = entry.ring(Resolution.MILLIS_1);
    for (int k = 0; k < values.length; k++) {
      long t = startMillis + Math.floorDiv(k * intervalMicros, 1000L);
      double v = values[k];
      ring.put(t, v, v, v, true);
    }
  }

  private Entry entry(SeriesKey key) {
    Entry entry = series.get(key);
    if (entry != null) {
      return entry;
    }
    if (series.size() >= maxSeries) {
      return null;
    }
    return series.computeIfAbsent(key, k -> new Entry());
  }

  /** Points of a series at a resolution in {@code [fromMillis, toMillis)}; empty if unknown. */
  public SeriesColumns read(SeriesKey key, Resolution resolution, long fromMillis, long toMillis) {
    Entry entry = series.get(key);
    if (entry == null) {
      return SeriesColumns.empty();
    }
    return entry
        .existing(resolution)
        .map(r -> r.read(fromMillis, toMillis))
        .orElse(SeriesColumns.empty());
  }

  /** The newest 1 s point of a series. */
  public Optional<LatestPoint> latest(SeriesKey key) {
    Entry entry = series.get(key);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.latest);
  }

  /** Every series known. */
  public List<SeriesKey> keys() {
    return new ArrayList<>(series.keySet());
  }

  /** Every host seen, ordered by id. */
  public List<HostEntry> hosts() {
    List<HostEntry> list = new ArrayList<>(hosts.values());
    list.sort(Comparator.comparing(HostEntry::hostId));
    return list;
  }

  /** Number of series held. */
  public int seriesCount() {
    return series.size();
  }

  /** Records dropped because {@code maxSeries} was reached. */
  public long droppedRecords() {
    return droppedRecords.get();
  }
}
