package io.tickwatch.producer.internal.sample;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.ArrayList;
import java.util.List;

/** Converts {@link LogBucketSketch} to and from the Avro {@link QuantileSketch}. */
public final class AvroSketches {

  private AvroSketches() {}

  /** The Avro encoding of a sketch (contiguous counts from its lowest non-empty bucket). */
  public static QuantileSketch toAvro(LogBucketSketch sketch) {
    long[] counts = sketch.bucketCounts();
    List<Long> boxed = new ArrayList<>(counts.length);
    for (long c : counts) {
      boxed.add(c);
    }
    return new QuantileSketch(
        sketch.relativeAccuracy(), sketch.zeroCount(), sketch.indexOffset(), boxed);
  }

  /** A sketch from its Avro encoding; min, max and sum estimated from the buckets. */
  public static LogBucketSketch fromAvro(QuantileSketch avro) {
    return fromAvro(avro, Double.NaN, Double.NaN, Double.NaN);
  }

  /** A sketch from a latency digest, with the digest's exact min, max and sum (microseconds). */
  public static LogBucketSketch fromDigest(LatencyDigest digest) {
    return fromAvro(
        digest.getSketch(), digest.getMinMicros(), digest.getMaxMicros(), digest.getSumMicros());
  }

  private static LogBucketSketch fromAvro(QuantileSketch avro, double min, double max, double sum) {
    List<Long> counts = avro.getCounts();
    long[] raw = new long[counts.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = counts.get(i);
    }
    return LogBucketSketch.fromBuckets(
        avro.getRelativeAccuracy(), avro.getZeroCount(), avro.getIndexOffset(), raw, min, max, sum);
  }
}
