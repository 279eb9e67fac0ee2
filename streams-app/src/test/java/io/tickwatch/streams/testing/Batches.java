package io.tickwatch.streams.testing;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds sample batches for topology tests (1 ms slots unless told otherwise). */
public final class Batches {
  private final String hostId;
  private final long startMillis;
  private String cluster = "eu-1";
  private int intervalMicros = 1000;
  private int sampleCount = -1;
  private final List<MetricSeries> series = new ArrayList<>();
  private final List<LatencyDigest> latencies = new ArrayList<>();

  private Batches(String hostId, long startMillis) {
    this.hostId = hostId;
    this.startMillis = startMillis;
  }

  /** A batch of {@code hostId} whose first slot is at {@code startMillis}. */
  public static Batches batch(String hostId, long startMillis) {
    return new Batches(hostId, startMillis);
  }

  public Batches cluster(String name) {
    this.cluster = name;
    return this;
  }

  public Batches intervalMicros(int micros) {
    this.intervalMicros = micros;
    return this;
  }

  /** Overrides sampleCount (default: the length of the first series, else 100). */
  public Batches sampleCount(int count) {
    this.sampleCount = count;
    return this;
  }

  public Batches series(String name, double... values) {
    return series(name, Map.of(), values);
  }

  public Batches series(String name, Map<String, String> labels, double... values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    series.add(new MetricSeries(name, new LinkedHashMap<>(labels), list));
    return this;
  }

  /** A latency digest of {@code durationsMicros} sketched at 1 % accuracy. */
  public Batches latency(String name, Map<String, String> labels, double... durationsMicros) {
    LogBucketSketch sketch = new LogBucketSketch(0.01);
    double sum = 0;
    for (double d : durationsMicros) {
      sketch.add(d);
      sum += d;
    }
    List<Long> counts = new ArrayList<>();
    for (long c : sketch.bucketCounts()) {
      counts.add(c);
    }
    latencies.add(
        new LatencyDigest(
            name,
            new LinkedHashMap<>(labels),
            sketch.count(),
            sum,
            sketch.min(),
            sketch.max(),
            new QuantileSketch(0.01, sketch.zeroCount(), sketch.indexOffset(), counts)));
    return this;
  }

  /** Adds a raw digest as given (for invalid-digest tests). */
  public Batches digest(LatencyDigest digest) {
    latencies.add(digest);
    return this;
  }

  public SampleBatch build() {
    int count =
        sampleCount >= 0 ? sampleCount : series.isEmpty() ? 100 : series.get(0).getValues().size();
    return SampleBatch.newBuilder()
        .setHostId(hostId)
        .setCluster(cluster)
        .setAgentRunId("run-" + hostId)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(intervalMicros)
        .setSampleCount(count)
        .setSeries(series)
        .setLatencies(latencies)
        .build();
  }

  /** {@code n} copies of {@code value}. */
  public static double[] constant(int n, double value) {
    double[] values = new double[n];
    java.util.Arrays.fill(values, value);
    return values;
  }

  /** 1, 2, ..., n. */
  public static double[] ramp(int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = i + 1;
    }
    return values;
  }
}
