package io.tickwatch.cli.bench.alertlatency;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.streams.anomaly.AnomalyTopology;
import io.tickwatch.streams.query.LocalSeriesReader;
import io.tickwatch.streams.query.SeriesIndex;
import io.tickwatch.streams.query.SeriesQuery;
import java.time.Duration;
import java.util.List;

/**
 * The anomaly application keeps no rolling statistics, but {@code StreamsApp} wants a series reader
 * for its query server: this one serves nothing.
 */
final class NoSeriesReader implements LocalSeriesReader {

  @Override
  public List<Duration> windowSizes() {
    return List.of();
  }

  @Override
  public String storeName(SeriesQuery query) {
    return AnomalyTopology.RULES_STORE;
  }

  @Override
  public String storeKey(SeriesQuery query) {
    return "";
  }

  @Override
  public String indexStoreName() {
    return AnomalyTopology.RULES_STORE;
  }

  @Override
  public List<RollingStats> read(SeriesQuery query) {
    return List.of();
  }

  @Override
  public SeriesIndex index() {
    return SeriesIndex.empty();
  }
}
