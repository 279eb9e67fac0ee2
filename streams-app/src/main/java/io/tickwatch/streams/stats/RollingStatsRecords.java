package io.tickwatch.streams.stats;

import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.stats.rolling.BucketCounts;
import io.tickwatch.stats.rolling.FleetAggregate;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.rolling.RollingSummary;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/** Maps aggregates to the Avro {@link RollingStats} records of the output topics. */
public final class RollingStatsRecords {
  private RollingStatsRecords() {}

  /** One keyed record per series of a host's window, keys as documented on {@link RollingStats}. */
  public static List<KeyValue<String, RollingStats>> ofHost(
      String hostId,
      HostAggregate aggregate,
      long windowStartMillis,
      long windowSizeMillis,
      boolean finalResult) {
    List<KeyValue<String, RollingStats>> out = new ArrayList<>(aggregate.series().size());
    for (Map.Entry<SeriesId, SeriesAggregate> entry : aggregate.series().entrySet()) {
      SeriesId id = entry.getKey();
      out.add(
          KeyValue.pair(
              id.key(hostId),
              of(
                  hostId,
                  aggregate.cluster(),
                  id,
                  entry.getValue(),
                  windowStartMillis,
                  windowSizeMillis,
                  1,
                  finalResult)));
    }
    return out;
  }

  /** The record of a fleet-wide series. */
  public static RollingStats ofFleet(
      FleetAggregate aggregate,
      long windowStartMillis,
      long windowSizeMillis,
      boolean finalResult) {
    return of(
        null,
        aggregate.cluster(),
        aggregate.seriesId(),
        aggregate.aggregate(),
        windowStartMillis,
        windowSizeMillis,
        aggregate.hostIds().size(),
        finalResult);
  }

  /** The record of one series in one window. */
  public static RollingStats of(
      String hostId,
      String cluster,
      SeriesId id,
      SeriesAggregate aggregate,
      long windowStartMillis,
      long windowSizeMillis,
      int hostCount,
      boolean finalResult) {
    RollingSummary s = aggregate.summary(windowSizeMillis);
    return RollingStats.newBuilder()
        .setHostId(hostId)
        .setCluster(cluster)
        .setMetric(id.metric())
        .setLabels(new LinkedHashMap<>(id.labels()))
        .setWindowStartMillis(Instant.ofEpochMilli(windowStartMillis))
        .setWindowEndMillis(Instant.ofEpochMilli(windowStartMillis + windowSizeMillis))
        .setWindowSizeMillis(windowSizeMillis)
        .setCount(s.count())
        .setSum(s.sum())
        .setMean(s.mean())
        .setMin(s.min())
        .setMax(s.max())
        .setStddev(s.stddev())
        .setRatePerSecond(s.ratePerSecond())
        .setP50(s.p50())
        .setP95(s.p95())
        .setP99(s.p99())
        .setP999(s.p999())
        .setSketch(sketch(aggregate.buckets()))
        .setHostCount(hostCount)
        .setFinalResult(finalResult)
        .build();
  }

  /** The Avro sketch of bucket counts (trimmed to the non-empty buckets). */
  public static QuantileSketch sketch(BucketCounts buckets) {
    long[] counts = buckets.trimmedCounts();
    List<Long> list = new ArrayList<>(counts.length);
    for (long c : counts) {
      list.add(c);
    }
    return QuantileSketch.newBuilder()
        .setRelativeAccuracy(buckets.mapping().relativeAccuracy())
        .setZeroCount(buckets.zeroCount())
        .setIndexOffset(buckets.trimmedOffset())
        .setCounts(list)
        .build();
  }
}
