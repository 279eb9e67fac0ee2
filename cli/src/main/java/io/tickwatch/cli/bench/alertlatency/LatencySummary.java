package io.tickwatch.cli.bench.alertlatency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** Nearest-rank percentiles of the incidents' timelines, total and per stage. */
public final class LatencySummary {

  /** p50, p99 and max of one quantity, in milliseconds, over {@code count} values. */
  public record Stat(int count, long p50, long p99, long max) {
    String format() {
      return count == 0
          ? "n/a"
          : String.format(
              Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms (n %d)", p50, p99, max, count);
    }
  }

  private final List<Timeline> timelines;

  public LatencySummary(List<Timeline> timelines) {
    this.timelines = List.copyOf(timelines);
  }

  public int incidents() {
    return timelines.size();
  }

  public int notified() {
    return (int) timelines.stream().filter(Timeline::notified).count();
  }

  public Stat total() {
    return stat(t -> t.notified() ? t.totalMillis() : -1);
  }

  public Stat window() {
    return stat(Timeline::windowMillis);
  }

  public Stat stats() {
    return stat(Timeline::statsMillis);
  }

  public Stat anomaly() {
    return stat(Timeline::anomalyMillis);
  }

  public Stat notification() {
    return stat(Timeline::notifyMillis);
  }

  /** The summary lines (no trailing newline). */
  public List<String> lines(String variant) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "  %s: %d/%d incidents notified; sample -> notification: %s (goal p99 <= 2000 ms)",
            variant,
            notified(),
            incidents(),
            total().format()));
    lines.add("    onset -> end of the window the rule fired on: " + window().format());
    lines.add("    window end -> final 1 s statistic readable:   " + stats().format());
    lines.add("    statistic -> anomaly event readable:          " + anomaly().format());
    lines.add("    anomaly event -> notification received:       " + notification().format());
    return lines;
  }

  private Stat stat(ToLongFunction<Timeline> f) {
    long[] values = timelines.stream().mapToLong(f).filter(v -> v >= 0).sorted().toArray();
    if (values.length == 0) {
      return new Stat(0, -1, -1, -1);
    }
    return new Stat(
        values.length, rank(values, 0.50), rank(values, 0.99), values[values.length - 1]);
  }

  static long rank(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
