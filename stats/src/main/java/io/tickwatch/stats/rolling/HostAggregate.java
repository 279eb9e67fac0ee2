package io.tickwatch.stats.rolling;

import io.tickwatch.stats.sketch.LogBucketMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every series of one host over one window (or a slice of a sample batch): the value of the
 * per-host window stores, so that one sample batch is one store update per window size however many
 * series it carries.
 *
 * <p>Series keep their first-seen order, which is deterministic for a given input. Mutable and not
 * thread-safe; {@link #merge(HostAggregate)} copies what it takes from the argument.
 */
public final class HostAggregate {
  private final LogBucketMapping mapping;
  private String cluster;
  private final Map<SeriesId, SeriesAggregate> series;

  /** An empty aggregate whose series use {@code mapping}. */
  public HostAggregate(LogBucketMapping mapping) {
    this(mapping, "", new LinkedHashMap<>());
  }

  /** An aggregate from its parts (the map is kept, not copied). */
  public HostAggregate(
      LogBucketMapping mapping, String cluster, LinkedHashMap<SeriesId, SeriesAggregate> series) {
    this.mapping = mapping;
    this.cluster = cluster;
    this.series = series;
  }

  /** The bucket mapping of every series. */
  public LogBucketMapping mapping() {
    return mapping;
  }

  /** The host's cluster, from the latest batch. */
  public String cluster() {
    return cluster;
  }

  /** Sets the cluster. */
  public void cluster(String newCluster) {
    this.cluster = newCluster == null ? "" : newCluster;
  }

  /** The aggregate of one series, created empty with {@code kind} on first use. */
  public SeriesAggregate series(SeriesId id, SeriesKind kind) {
    SeriesAggregate aggregate = series.get(id);
    if (aggregate == null) {
      aggregate = SeriesAggregate.empty(kind, mapping);
      series.put(id, aggregate);
    }
    return aggregate;
  }

  /** Every series, in first-seen order (read-only view). */
  public Map<SeriesId, SeriesAggregate> series() {
    return Collections.unmodifiableMap(series);
  }

  /** Whether no series was seen. */
  public boolean isEmpty() {
    return series.isEmpty();
  }

  /**
   * Merges every series of {@code other} into this aggregate and takes its cluster when not empty.
   *
   * @return this aggregate
   */
  public HostAggregate merge(HostAggregate other) {
    if (!other.cluster.isEmpty()) {
      cluster = other.cluster;
    }
    for (Map.Entry<SeriesId, SeriesAggregate> entry : other.series.entrySet()) {
      SeriesAggregate mine = series.get(entry.getKey());
      if (mine == null) {
        series.put(entry.getKey(), entry.getValue().copy());
      } else {
        mine.merge(entry.getValue());
      }
    }
    return this;
  }
}
