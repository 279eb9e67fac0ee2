package io.tickwatch.streams.app;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.streams.query.LocalSeriesReader;
import io.tickwatch.streams.query.SeriesIndex;
import io.tickwatch.streams.query.SeriesQuery;
import java.time.Duration;
import java.util.List;

/**
 * A reader for an application that keeps no series (A/B, anomaly detection): every query finds
 * nothing, and every store name is the application's own state store.
 */
final class NoSeriesReader implements LocalSeriesReader {

  private final String stateStore;

  NoSeriesReader(String stateStore) {
    this.stateStore = stateStore;
  }

  @Override
  public List<Duration> windowSizes() {
    return List.of();
  }

  @Override
  public String storeName(SeriesQuery query) {
    return stateStore;
  }

  @Override
  public String storeKey(SeriesQuery query) {
    return query.toString();
  }

  @Override
  public String indexStoreName() {
    return stateStore;
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
