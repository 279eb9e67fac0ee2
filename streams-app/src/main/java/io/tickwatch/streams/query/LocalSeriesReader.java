package io.tickwatch.streams.query;

import io.tickwatch.avro.RollingStats;
import java.time.Duration;
import java.util.List;

/**
 * Reads series from the state stores of this instance only. The query server routes a request to
 * the instance that owns {@link #storeKey} in {@link #storeName} and calls {@link #read} there.
 *
 * <p>Implementations are thread-safe; {@link #read} and {@link #index} may throw Kafka's {@code
 * InvalidStateStoreException} while stores migrate (the server answers 503).
 */
public interface LocalSeriesReader {

  /** The window sizes the topology keeps, ascending. */
  List<Duration> windowSizes();

  /** The state store holding the query's series. */
  String storeName(SeriesQuery query);

  /** The key of the query's series in {@link #storeName}, for routing by partition. */
  String storeKey(SeriesQuery query);

  /** A store present on every instance that holds any series (the index is collected from it). */
  String indexStoreName();

  /** The query's points from the local store, ordered by window start. */
  List<RollingStats> read(SeriesQuery query);

  /** Every host and series present in the local stores. */
  SeriesIndex index();
}
