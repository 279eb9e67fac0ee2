package io.tickwatch.stats.rolling;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One series merged across hosts over one window: the value of the fleet-wide window stores. Keeps
 * the set of contributing host ids so that {@code hostCount} counts each host once however many
 * partial windows it contributed.
 *
 * <p>Mutable and not thread-safe; {@link #merge(FleetAggregate)} copies what it takes.
 */
public final class FleetAggregate {
  private final SeriesId seriesId;
  private String cluster;
  private final TreeSet<String> hostIds;
  private final SeriesAggregate aggregate;

  /** An aggregate from its parts (kept, not copied). */
  public FleetAggregate(
      SeriesId seriesId, String cluster, TreeSet<String> hostIds, SeriesAggregate aggregate) {
    this.seriesId = seriesId;
    this.cluster = cluster == null ? "" : cluster;
    this.hostIds = hostIds;
    this.aggregate = aggregate;
  }

  /** The contribution of one host's aggregate of one series (copied). */
  public static FleetAggregate ofHost(
      SeriesId seriesId, String cluster, String hostId, SeriesAggregate aggregate) {
    TreeSet<String> hosts = new TreeSet<>();
    hosts.add(hostId);
    return new FleetAggregate(seriesId, cluster, hosts, aggregate.copy());
  }

  /**
   * Merges {@code other} into this aggregate, or, when this one is {@code null} (the initial value
   * of a window), returns a copy of {@code other}.
   */
  public static FleetAggregate merge(FleetAggregate into, FleetAggregate other) {
    if (into == null) {
      return new FleetAggregate(
          other.seriesId, other.cluster, new TreeSet<>(other.hostIds), other.aggregate.copy());
    }
    into.merge(other);
    return into;
  }

  /** Merges {@code other} (same series) into this aggregate; {@code other} is not changed. */
  public void merge(FleetAggregate other) {
    aggregate.merge(other.aggregate);
    hostIds.addAll(other.hostIds);
    if (!cluster.equals(other.cluster)) {
      cluster = ""; // hosts of several clusters: associative, whatever the merge order
    }
  }

  /** The series. */
  public SeriesId seriesId() {
    return seriesId;
  }

  /** The cluster shared by every contributing host, or empty when they differ. */
  public String cluster() {
    return cluster;
  }

  /** The contributing host ids, sorted (read-only view). */
  public SortedSet<String> hostIds() {
    return Collections.unmodifiableSortedSet(hostIds);
  }

  /** The merged aggregate (live view). */
  public SeriesAggregate aggregate() {
    return aggregate;
  }
}
