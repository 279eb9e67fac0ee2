package io.tickwatch.streams.query;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The hosts and series known to one or more instances.
 *
 * @param hosts host ids
 * @param metrics metric names
 * @param series series keys as in the topic catalogue: {@code <host>/<metric>[{k=v,...}]}
 */
public record SeriesIndex(
    SortedSet<String> hosts, SortedSet<String> metrics, SortedSet<String> series) {

  public SeriesIndex {
    hosts = new TreeSet<>(hosts);
    metrics = new TreeSet<>(metrics);
    series = new TreeSet<>(series);
  }

  public static SeriesIndex empty() {
    return new SeriesIndex(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  /** The union of several indexes. */
  public static SeriesIndex union(Collection<SeriesIndex> parts) {
    SortedSet<String> hosts = new TreeSet<>();
    SortedSet<String> metrics = new TreeSet<>();
    SortedSet<String> series = new TreeSet<>();
    for (SeriesIndex part : parts) {
      hosts.addAll(part.hosts());
      metrics.addAll(part.metrics());
      series.addAll(part.series());
    }
    return new SeriesIndex(hosts, metrics, series);
  }
}
