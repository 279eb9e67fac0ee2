package io.tickwatch.cli.export;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CSV rows of sample batches, for spreadsheets: header {@code
 * timestamp_ms,host,metric,labels,value}.
 *
 * <ul>
 *   <li>Fixed-rate series: one row per sample slot with a reading (NaN slots, which mean "no
 *       reading", are left out); {@code timestamp_ms} is the slot's event time.
 *   <li>Latency digests: seven rows per digest at the batch's start time, metric {@code
 *       <name>:count}, {@code :sum}, {@code :min}, {@code :max}, {@code :p50}, {@code :p99} and
 *       {@code :p999} (durations in microseconds; the percentiles are estimated from the digest's
 *       sketch within its relative accuracy).
 * </ul>
 *
 * <p>{@code labels} is {@code k=v;k2=v2} sorted by name (empty when none); fields containing a
 * comma, quote or line break are quoted RFC-4180 style.
 */
public final class SampleCsv {

  public static final String HEADER = "timestamp_ms,host,metric,labels,value";

  private SampleCsv() {}

  /** Writes the rows of one batch; returns the number of rows written. */
  public static long write(SampleBatch batch, Writer out) throws IOException {
    long rows = 0;
    long start = batch.getStartTimeMillis().toEpochMilli();
    String host = field(batch.getHostId());
    for (MetricSeries series : batch.getSeries()) {
      String prefix =
          "," + host + "," + field(series.getName()) + "," + labels(series.getLabels()) + ",";
      int k = 0;
      for (Double value : series.getValues()) {
        if (!value.isNaN()) {
          long t = start + (long) k * batch.getSampleIntervalMicros() / 1000;
          out.write(Long.toString(t));
          out.write(prefix);
          out.write(number(value));
          out.write('\n');
          rows++;
        }
        k++;
      }
    }
    for (LatencyDigest digest : batch.getLatencies()) {
      String prefix = start + "," + host + "," + field(digest.getName());
      String labels = "," + labels(digest.getLabels()) + ",";
      QuantileSketch s = digest.getSketch();
      long[] counts = s.getCounts().stream().mapToLong(Long::longValue).toArray();
      LogBucketSketch sketch =
          LogBucketSketch.fromBuckets(
              s.getRelativeAccuracy(),
              s.getZeroCount(),
              s.getIndexOffset(),
              counts,
              digest.getMinMicros(),
              digest.getMaxMicros(),
              digest.getSumMicros());
      boolean empty = digest.getCount() == 0 || sketch.count() == 0;
      double nan = Double.NaN;
      Map<String, Double> values = new LinkedHashMap<>();
      values.put(":count", (double) digest.getCount());
      values.put(":sum", digest.getSumMicros());
      values.put(":min", digest.getMinMicros());
      values.put(":max", digest.getMaxMicros());
      values.put(":p50", empty ? nan : sketch.quantile(0.5));
      values.put(":p99", empty ? nan : sketch.quantile(0.99));
      values.put(":p999", empty ? nan : sketch.quantile(0.999));
      for (Map.Entry<String, Double> entry : values.entrySet()) {
        out.write(prefix + entry.getKey() + labels + number(entry.getValue()) + "\n");
        rows++;
      }
    }
    return rows;
  }

  static String labels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "";
    }
    return field(
        new TreeMap<>(labels)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";")));
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  static String field(String text) {
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
