package io.tickwatch.streams.app;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.stats.rolling.FleetAggregate;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.rolling.SeriesId;
import io.tickwatch.streams.query.LocalSeriesReader;
import io.tickwatch.streams.query.SeriesIndex;
import io.tickwatch.streams.query.SeriesQuery;
import io.tickwatch.streams.stats.RollingStatsConfig;
import io.tickwatch.streams.stats.RollingStatsQueries;
import io.tickwatch.streams.stats.RollingStatsTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@link LocalSeriesReader} over the rolling-statistics window stores of one instance, through
 * {@link RollingStatsQueries}. The index is read from the stores of the largest window size, which
 * hold few windows per key.
 */
final class RollingStatsSeriesReader implements LocalSeriesReader {

  private final KafkaStreams streams;
  private final RollingStatsConfig config;

  RollingStatsSeriesReader(KafkaStreams streams, RollingStatsConfig config) {
    this.streams = streams;
    this.config = config;
  }

  @Override
  public List<Duration> windowSizes() {
    return config.windowSizes();
  }

  @Override
  public String storeName(SeriesQuery query) {
    return RollingStatsQueries.storeName(query.host(), query.windowSize());
  }

  @Override
  public String storeKey(SeriesQuery query) {
    return RollingStatsQueries.storeKey(query.host(), query.metric(), query.labels());
  }

  @Override
  public String indexStoreName() {
    return RollingStatsTopology.storeName(largest());
  }

  @Override
  public List<RollingStats> read(SeriesQuery query) {
    // the store fetch is inclusive at both ends; the query's range is [from, to)
    return RollingStatsQueries.fetch(
        streams,
        query.host(),
        query.metric(),
        query.labels(),
        query.windowSize(),
        Instant.ofEpochMilli(query.fromMillis()),
        Instant.ofEpochMilli(query.toMillis() - 1));
  }

  @Override
  public SeriesIndex index() {
    SortedSet<String> hosts = new TreeSet<>();
    SortedSet<String> metrics = new TreeSet<>();
    SortedSet<String> series = new TreeSet<>();
    ReadOnlyWindowStore<String, HostAggregate> hostStore =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                RollingStatsTopology.storeName(largest()),
                QueryableStoreTypes.<String, HostAggregate>windowStore()));
    try (KeyValueIterator<Windowed<String>, HostAggregate> all = hostStore.all()) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, HostAggregate> window = all.next();
        String host = window.key.key();
        hosts.add(host);
        for (SeriesId id : window.value.series().keySet()) {
          metrics.add(id.metric());
          series.add(id.key(host));
        }
      }
    }
    ReadOnlyWindowStore<String, FleetAggregate> fleetStore =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                RollingStatsTopology.fleetStoreName(largest()),
                QueryableStoreTypes.<String, FleetAggregate>windowStore()));
    try (KeyValueIterator<Windowed<String>, FleetAggregate> all = fleetStore.all()) {
      while (all.hasNext()) {
        series.add(all.next().key.key());
      }
    }
    return new SeriesIndex(hosts, metrics, series);
  }

  private Duration largest() {
    return config.windowSizes().get(config.windowSizes().size() - 1);
  }
}
