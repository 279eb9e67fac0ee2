package io.tickwatch.streams.stats;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesId;
import io.tickwatch.stats.rolling.SeriesKind;
import io.tickwatch.stats.rolling.WindowSlices;
import io.tickwatch.stats.rolling.WindowSlices.SlotRange;
import io.tickwatch.stats.sketch.LogBucketMapping;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns one {@code SampleBatch} into one partial {@link HostAggregate} per window of the smallest
 * size that its samples touch, each forwarded with the event time of its first sample, so that a
 * batch straddling a window boundary is split by sample event time. Every series is aggregated once
 * here; the window stores then only merge partial aggregates.
 *
 * <p>Latency digests cover the whole batch and cannot be split: they are attributed to the window
 * holding {@code startTimeMillis}. NaN slots are absent readings (the contract's "no value").
 * Everything else a sane agent cannot write is poison and rejects the whole batch with an {@link
 * InvalidSampleBatchException}, which the processing exception handler sends to the dead-letter
 * topic with the reason: a non-positive interval, a series whose length differs from {@code
 * sampleCount}, an infinite value, an invalid latency digest (negative or non-finite durations,
 * counts that do not add up), a name or label longer than {@value #MAX_NAME_CHARS} characters, more
 * than {@value #MAX_LABEL_SETS_PER_NAME} label sets of one name in one batch (a label cardinality
 * explosion), and a start time the {@link SampleBatchTimestampExtractor} found implausible. Nothing
 * is forwarded before the batch is known to be good.
 */
final class BatchSlicer implements FixedKeyProcessor<String, SampleBatch, HostAggregate> {
  /** Metric group of the rolling-stats topology's own metrics. */
  static final String METRIC_GROUP = "tickwatch-rolling-stats";

  /** Longest metric name, label key or label value accepted, in characters. */
  static final int MAX_NAME_CHARS = 256;

  /**
   * Most label sets (series plus digests) of one metric name in one batch; the agent folds values
   * beyond its own bound (16 by default) into {@code other}, so more means the bound is broken.
   */
  static final int MAX_LABEL_SETS_PER_NAME = 256;

  private final LogBucketMapping mapping;
  private final long windowMillis;
  private FixedKeyProcessorContext<String, HostAggregate> context;

  BatchSlicer(LogBucketMapping mapping, long windowMillis) {
    this.mapping = mapping;
    this.windowMillis = windowMillis;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, HostAggregate> processorContext) {
    this.context = processorContext;
  }

  @Override
  public void process(FixedKeyRecord<String, SampleBatch> record) {
    SampleBatch batch = record.value();
    if (batch == null) {
      return;
    }
    validate(record.key(), batch);
    if (record.timestamp() != batch.getStartTimeMillis().toEpochMilli()) {
      throw new InvalidSampleBatchException(
          "batch of host "
              + record.key()
              + " starts at "
              + batch.getStartTimeMillis()
              + ", implausibly far from its partition's event time and its record timestamp "
              + "(more than "
              + SampleBatchTimestampExtractor.MAX_SKEW
              + ")");
    }
    long start = batch.getStartTimeMillis().toEpochMilli();
    int interval = batch.getSampleIntervalMicros();
    int slots = batch.getSampleCount();
    List<SlotRange> ranges =
        WindowSlices.split(
            start,
            interval,
            slots,
            windowMillis,
            WindowSlices.UNBOUNDED_FROM,
            WindowSlices.UNBOUNDED_TO);
    Map<Long, HostAggregate> parts = new LinkedHashMap<>(4);
    Map<Long, Long> timestamps = new LinkedHashMap<>(4);
    String cluster = batch.getCluster();
    for (SlotRange range : ranges) {
      HostAggregate part =
          part(parts, timestamps, range.windowStartMillis(), range.firstSlotMillis(), cluster);
      for (MetricSeries series : batch.getSeries()) {
        SeriesAggregate aggregate =
            part.series(SeriesId.of(series.getName(), series.getLabels()), SeriesKind.SAMPLED);
        int infinite = aggregate.addSamples(series.getValues(), range.fromSlot(), range.toSlot());
        if (infinite > 0) {
          throw new InvalidSampleBatchException(
              "batch of host "
                  + record.key()
                  + ": series "
                  + series.getName()
                  + " has "
                  + infinite
                  + " infinite value(s); only finite values and NaN (no reading) are allowed");
        }
      }
    }
    if (!batch.getLatencies().isEmpty()) {
      long windowStart = Math.floorDiv(start, windowMillis) * windowMillis;
      HostAggregate part = part(parts, timestamps, windowStart, start, cluster);
      for (LatencyDigest digest : batch.getLatencies()) {
        if (!addDigest(part, digest)) {
          throw new InvalidSampleBatchException(
              "batch of host "
                  + record.key()
                  + ": latency digest "
                  + digest.getName()
                  + " is invalid ("
                  + digestProblem(digest)
                  + ")");
        }
      }
    }
    for (Map.Entry<Long, HostAggregate> entry : parts.entrySet()) {
      context.forward(
          record.withValue(entry.getValue()).withTimestamp(timestamps.get(entry.getKey())));
    }
  }

  private HostAggregate part(
      Map<Long, HostAggregate> parts,
      Map<Long, Long> timestamps,
      long windowStart,
      long timestamp,
      String cluster) {
    HostAggregate part = parts.get(windowStart);
    if (part == null) {
      part = new HostAggregate(mapping);
      part.cluster(cluster);
      parts.put(windowStart, part);
      timestamps.put(windowStart, timestamp);
    } else if (timestamp < timestamps.get(windowStart)) {
      timestamps.put(windowStart, timestamp);
    }
    return part;
  }

  private boolean addDigest(HostAggregate part, LatencyDigest digest) {
    QuantileSketch sketch = digest.getSketch();
    double accuracy = sketch.getRelativeAccuracy();
    if (!(accuracy >= LogBucketMapping.MIN_RELATIVE_ACCURACY && accuracy < 1)) {
      return false;
    }
    LogBucketMapping source =
        accuracy == mapping.relativeAccuracy() ? mapping : new LogBucketMapping(accuracy);
    List<Long> counts = sketch.getCounts();
    long[] bucketCounts = new long[counts.size()];
    for (int k = 0; k < bucketCounts.length; k++) {
      bucketCounts[k] = counts.get(k);
    }
    SeriesId id = SeriesId.of(digest.getName(), digest.getLabels());
    SeriesAggregate scratch = SeriesAggregate.empty(SeriesKind.LATENCY, mapping);
    boolean valid =
        scratch.addDigest(
            digest.getCount(),
            digest.getSumMicros(),
            digest.getMinMicros(),
            digest.getMaxMicros(),
            source,
            sketch.getZeroCount(),
            sketch.getIndexOffset(),
            bucketCounts);
    if (valid) {
      part.series(id, SeriesKind.LATENCY).merge(scratch);
    }
    return valid;
  }

  private static String digestProblem(LatencyDigest digest) {
    if (digest.getCount() < 0 || digest.getSumMicros() < 0 || digest.getMinMicros() < 0) {
      return "negative duration or count: count "
          + digest.getCount()
          + ", sumMicros "
          + digest.getSumMicros()
          + ", minMicros "
          + digest.getMinMicros();
    }
    if (!(Double.isFinite(digest.getSumMicros())
        && Double.isFinite(digest.getMinMicros())
        && Double.isFinite(digest.getMaxMicros()))) {
      return "non-finite duration: sumMicros "
          + digest.getSumMicros()
          + ", minMicros "
          + digest.getMinMicros()
          + ", maxMicros "
          + digest.getMaxMicros();
    }
    return "minMicros > maxMicros, bucket counts that do not add up to count "
        + digest.getCount()
        + ", or an unsupported relative accuracy "
        + digest.getSketch().getRelativeAccuracy();
  }

  private static void validateNames(String key, SampleBatch batch) {
    Map<String, Integer> labelSets = new HashMap<>();
    for (MetricSeries series : batch.getSeries()) {
      validateName(key, "series name", series.getName());
      validateLabels(key, series.getName(), series.getLabels(), labelSets);
    }
    for (LatencyDigest digest : batch.getLatencies()) {
      validateName(key, "latency digest name", digest.getName());
      validateLabels(key, digest.getName(), digest.getLabels(), labelSets);
    }
  }

  private static void validateLabels(
      String key, String name, Map<String, String> labels, Map<String, Integer> labelSets) {
    for (Map.Entry<String, String> label : labels.entrySet()) {
      validateName(key, "label key", label.getKey());
      validateName(key, "label value", label.getValue());
    }
    int sets = labelSets.merge(name, 1, Integer::sum);
    if (sets > MAX_LABEL_SETS_PER_NAME) {
      throw new InvalidSampleBatchException(
          "batch of host "
              + key
              + ": label cardinality explosion: metric "
              + name
              + " has more than "
              + MAX_LABEL_SETS_PER_NAME
              + " label sets in one batch");
    }
  }

  private static void validateName(String key, String what, String name) {
    if (name.length() > MAX_NAME_CHARS) {
      throw new InvalidSampleBatchException(
          "batch of host "
              + key
              + ": "
              + what
              + " of "
              + name.length()
              + " characters (starting '"
              + name.substring(0, 32)
              + "...') is longer than "
              + MAX_NAME_CHARS);
    }
  }

  private static void validate(String key, SampleBatch batch) {
    if (batch.getSampleIntervalMicros() <= 0) {
      throw new InvalidSampleBatchException(
          "batch of host "
              + key
              + " has sampleIntervalMicros "
              + batch.getSampleIntervalMicros()
              + ", must be > 0");
    }
    if (batch.getSampleCount() < 0) {
      throw new InvalidSampleBatchException(
          "batch of host " + key + " has sampleCount " + batch.getSampleCount() + ", must be >= 0");
    }
    for (MetricSeries series : batch.getSeries()) {
      if (series.getValues().size() != batch.getSampleCount()) {
        throw new InvalidSampleBatchException(
            "batch of host "
                + key
                + ": series "
                + series.getName()
                + " has "
                + series.getValues().size()
                + " values, sampleCount is "
                + batch.getSampleCount());
      }
    }
    validateNames(key, batch);
  }
}
