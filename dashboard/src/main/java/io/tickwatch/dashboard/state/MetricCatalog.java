package io.tickwatch.dashboard.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Units and titles of metrics: the standard ones (docs/topics.md) and any others seen. */
public final class MetricCatalog {

  /**
   * One metric.
   *
   * @param metric metric name
   * @param unit unit of its values (of mean, p99 and max)
   * @param title human title
   */
  public record Entry(String metric, String unit, String title) {}

  private static final Map<String, Entry> STANDARD = new LinkedHashMap<>();

  static {
    add("cpu.process.percent", "%", "Process CPU");
    add("cpu.system.percent", "%", "System CPU");
    add("cpu.time.nanos", "ns", "CPU time per slot");
    add("heap.used.bytes", "bytes", "Heap used");
    add("memory.rss.bytes", "bytes", "Resident memory");
    add("rss.bytes", "bytes", "Resident memory");
    add("memory.available.bytes", "bytes", "Available memory");
    add("gc.pause.micros", "µs", "GC pause per slot");
    add("alloc.rate.bytes-per-second", "bytes/s", "Allocation rate");
    add("net.rx.packets", "packets", "Packets received");
    add("net.tx.packets", "packets", "Packets sent");
    add("players.active", "players", "Active players");
    add("latency.count", "actions", "Actions per slot");
    add("latency.mean.micros", "µs", "Action latency (mean per slot)");
    add("latency.max.micros", "µs", "Action latency (max per slot)");
    add("ticks.count", "ticks", "Ticks per slot");
    add("tick.max.micros", "µs", "Longest tick per slot");
    add("frame.drops", "frames", "Frame drops");
    add("cache.misses", "misses", "Cache misses");
    add("tick.duration", "µs", "Tick duration");
    add("action.latency", "µs", "Action latency");
  }

  private static void add(String metric, String unit, String title) {
    STANDARD.put(metric, new Entry(metric, unit, title));
  }

  private MetricCatalog() {}

  /** The entry of a metric; unknown metrics get a unit guessed from the name's suffix. */
  public static Entry entry(String metric) {
    Entry known = STANDARD.get(metric);
    return known != null ? known : new Entry(metric, unitFromName(metric), metric);
  }

  /** The catalogue: every metric in {@code seen}, standard ones first. */
  public static List<Entry> catalog(Iterable<String> seen) {
    TreeSet<String> names = new TreeSet<>();
    seen.forEach(names::add);
    List<Entry> out = new ArrayList<>();
    for (Entry e : STANDARD.values()) {
      if (names.remove(e.metric())) {
        out.add(e);
      }
    }
    names.forEach(n -> out.add(entry(n)));
    return out;
  }

  static String unitFromName(String metric) {
    if (metric.startsWith("timer.") || metric.endsWith(".micros")) {
      return "µs";
    }
    if (metric.endsWith(".millis")) {
      return "ms";
    }
    if (metric.endsWith(".nanos")) {
      return "ns";
    }
    if (metric.endsWith(".bytes")) {
      return "bytes";
    }
    if (metric.endsWith(".percent")) {
      return "%";
    }
    return "";
  }
}
