package io.tickwatch.streams.ab;

import io.tickwatch.stats.ab.ComparisonKey;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the A/B topology keeps per experiment: the aggregates of every closed window since the
 * experiment started ({@code closed}), the aggregates of windows still open ({@code pending}, by
 * window end), the event-time watermark, the evaluation counter and the previous evaluation's
 * always-valid p-values. Mutable, owned by one stream task.
 */
final class ExperimentState {

  /** Variant name to aggregate, over every closed window. */
  final TreeMap<String, VariantAggregate> closed = new TreeMap<>();

  /** Window end (epoch ms) to variant aggregates of the windows not closed yet. */
  final TreeMap<Long, TreeMap<String, VariantAggregate>> pending = new TreeMap<>();

  /** Always-valid p-values of the last evaluation. */
  final Map<ComparisonKey, Double> sequentialPValues = new HashMap<>();

  /** End of the last closed window (epoch ms), {@link Long#MIN_VALUE} before the first. */
  long closedUntilMillis = Long.MIN_VALUE;

  /** Largest event time seen (epoch ms). */
  long maxEventTimeMillis = Long.MIN_VALUE;

  /** Smallest event time included (epoch ms), {@link Long#MAX_VALUE} before any data. */
  long dataStartMillis = Long.MAX_VALUE;

  /** Evaluations emitted so far (the next result's evaluationIndex). */
  long evaluations;

  /** Records whose data arrived after their window closed (they count in the next evaluation). */
  long lateRecords;

  /** The variant aggregate a record of {@code eventTimeMillis} goes to, given the cadence. */
  VariantAggregate target(String variant, long eventTimeMillis, long cadenceMillis) {
    long windowEnd = Math.floorDiv(eventTimeMillis, cadenceMillis) * cadenceMillis + cadenceMillis;
    if (windowEnd <= closedUntilMillis) {
      lateRecords++;
      return closed.computeIfAbsent(variant, v -> new VariantAggregate());
    }
    return pending
        .computeIfAbsent(windowEnd, w -> new TreeMap<>())
        .computeIfAbsent(variant, v -> new VariantAggregate());
  }

  /**
   * Closes every pending window that ended at least {@code graceMillis} before the watermark.
   *
   * @return true when at least one window closed
   */
  boolean closeWindows(long graceMillis) {
    boolean any = false;
    while (!pending.isEmpty() && pending.firstKey() + graceMillis <= maxEventTimeMillis) {
      Map.Entry<Long, TreeMap<String, VariantAggregate>> window = pending.pollFirstEntry();
      window
          .getValue()
          .forEach(
              (variant, aggregate) ->
                  closed.computeIfAbsent(variant, v -> new VariantAggregate()).merge(aggregate));
      closedUntilMillis = window.getKey();
      any = true;
    }
    return any;
  }
}
