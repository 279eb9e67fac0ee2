package io.tickwatch.streams.stats;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.stats.rolling.FleetAggregate;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries of the rolling-statistics window stores. A host series lives in the store
 * {@link RollingStatsTopology#storeName} under the host id (one entry holds every series of the
 * host); a fleet-wide series ({@code hostId = "*"}) lives in {@link
 * RollingStatsTopology#fleetStoreName} under its key {@code * /<metric>{labels}} (without the
 * space). Route a query with {@link #queryMetadata} and run it on the instance that owns the key.
 *
 * <p>Results describe the store's current content: {@code finalResult} is false, since a window may
 * still receive late records within its grace period; read {@code tickwatch.stats} for final
 * results. Stores keep at least the last hour of every window size.
 */
public final class RollingStatsQueries {
  private RollingStatsQueries() {}

  /** Whether {@code hostId} denotes the fleet-wide series ({@code "*"}). */
  public static boolean isFleet(String hostId) {
    return SeriesId.FLEET_HOST.equals(hostId);
  }

  /** The store holding a series of {@code hostId} (or {@code "*"}) at one window size. */
  public static String storeName(String hostId, Duration windowSize) {
    return isFleet(hostId)
        ? RollingStatsTopology.fleetStoreName(windowSize)
        : RollingStatsTopology.storeName(windowSize);
  }

  /**
   * The store key a series lives under: the host id for a host series, the fleet series key for
   * {@code "*"}.
   */
  public static String storeKey(String hostId, String metric, Map<String, String> labels) {
    return isFleet(hostId) ? SeriesId.of(metric, labels).fleetKey() : hostId;
  }

  /** Which instance (and partition) holds the series, for routing a query. */
  public static KeyQueryMetadata queryMetadata(
      KafkaStreams streams,
      String hostId,
      String metric,
      Map<String, String> labels,
      Duration windowSize) {
    return streams.queryMetadataForKey(
        storeName(hostId, windowSize),
        storeKey(hostId, metric, labels),
        Serdes.String().serializer());
  }

  /**
   * The windows of one series whose start lies in {@code [from, to]}, oldest first, from this
   * instance's local stores (empty when this instance does not host the key).
   */
  public static List<RollingStats> fetch(
      KafkaStreams streams,
      String hostId,
      String metric,
      Map<String, String> labels,
      Duration windowSize,
      Instant from,
      Instant to) {
    String store = storeName(hostId, windowSize);
    if (isFleet(hostId)) {
      ReadOnlyWindowStore<String, FleetAggregate> fleet =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  store, QueryableStoreTypes.<String, FleetAggregate>windowStore()));
      return fetchFleet(fleet, metric, labels, windowSize, from, to);
    }
    ReadOnlyWindowStore<String, HostAggregate> host =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                store, QueryableStoreTypes.<String, HostAggregate>windowStore()));
    return fetchHost(host, hostId, metric, labels, windowSize, from, to);
  }

  /** {@link #fetch} on a host window store (for example from {@code TopologyTestDriver}). */
  public static List<RollingStats> fetchHost(
      ReadOnlyWindowStore<String, HostAggregate> store,
      String hostId,
      String metric,
      Map<String, String> labels,
      Duration windowSize,
      Instant from,
      Instant to) {
    SeriesId id = SeriesId.of(metric, labels);
    List<RollingStats> out = new ArrayList<>();
    try (WindowStoreIterator<HostAggregate> windows = store.fetch(hostId, from, to)) {
      while (windows.hasNext()) {
        KeyValue<Long, HostAggregate> window = windows.next();
        SeriesAggregate series = window.value.series().get(id);
        if (series != null) {
          out.add(
              RollingStatsRecords.of(
                  hostId,
                  window.value.cluster(),
                  id,
                  series,
                  window.key,
                  windowSize.toMillis(),
                  1,
                  false));
        }
      }
    }
    return out;
  }

  /** {@link #fetch} on a fleet window store. */
  public static List<RollingStats> fetchFleet(
      ReadOnlyWindowStore<String, FleetAggregate> store,
      String metric,
      Map<String, String> labels,
      Duration windowSize,
      Instant from,
      Instant to) {
    String key = SeriesId.of(metric, labels).fleetKey();
    List<RollingStats> out = new ArrayList<>();
    try (WindowStoreIterator<FleetAggregate> windows = store.fetch(key, from, to)) {
      while (windows.hasNext()) {
        KeyValue<Long, FleetAggregate> window = windows.next();
        out.add(
            RollingStatsRecords.ofFleet(window.value, window.key, windowSize.toMillis(), false));
      }
    }
    return out;
  }
}
