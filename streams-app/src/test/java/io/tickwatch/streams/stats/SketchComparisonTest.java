package io.tickwatch.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesKind;
import io.tickwatch.stats.sketch.LogBucketMapping;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measurement behind the sketch choice in docs/ROLLING-STATS.md: accuracy (worst relative error
 * of p50/p95/p99/p99.9, each sketch against its own rank definition) and bytes per sketch of the
 * DDSketch-style log buckets at 1 % versus HdrHistogram at 2 significant digits, over realistic
 * game-server series and window lengths. Logs the table; asserts the facts the choice rests on.
 */
class SketchComparisonTest {
  private static final Logger LOG = LoggerFactory.getLogger(SketchComparisonTest.class);
  private static final double[] QUANTILES = {0.5, 0.95, 0.99, 0.999};
  private static final LogBucketMapping MAPPING = new LogBucketMapping(0.01);

  private record Result(
      double maxErrorLog,
      double maxErrorHdr,
      int bytesLog,
      int bytesHdr,
      int bytesHdrCompressed,
      long memoryLog,
      long memoryHdr) {}

  /** Tick durations in microseconds: log-normal around 4 ms with 1 % spikes of 20-100 ms. */
  private static DoubleSupplier ticks(Random random) {
    return () ->
        random.nextInt(100) == 0
            ? 20_000 + random.nextDouble() * 80_000
            : 4000 * Math.exp(0.35 * random.nextGaussian());
  }

  /** Player-action latency in microseconds: heavy log-normal around 15 ms. */
  private static DoubleSupplier actions(Random random) {
    return () -> 15_000 * Math.exp(0.8 * random.nextGaussian());
  }

  /** CPU percent of the process: fractional gauge around 35 %. */
  private static DoubleSupplier cpu(Random random) {
    return () -> Math.max(0.05, 35 + 10 * random.nextGaussian());
  }

  private static Result measure(DoubleSupplier source, int n, boolean integerMicros) {
    double[] values = new double[n];
    SeriesAggregate log = SeriesAggregate.empty(SeriesKind.LATENCY, MAPPING);
    Histogram hdr = new Histogram(1, 3_600_000_000L, 2);
    DoubleHistogram hdrDouble = new DoubleHistogram(1_000_000, 2);
    for (int i = 0; i < n; i++) {
      double v = source.getAsDouble();
      if (integerMicros) {
        v = Math.max(1, Math.round(v));
        hdr.recordValue((long) v);
      } else {
        hdrDouble.recordValue(v);
      }
      values[i] = v;
      log.addSample(v, 1);
    }
    Arrays.sort(values);
    LogBucketSketch sketch = log.sketch();
    double errLog = 0;
    double errHdr = 0;
    for (double q : QUANTILES) {
      double exactLog = values[(int) Math.floor(q * (n - 1))];
      errLog = Math.max(errLog, Math.abs(sketch.quantile(q) - exactLog) / exactLog);
      long hdrRank = Math.max(1, (long) (q * n + 0.5));
      double exactHdr = values[(int) Math.min(n - 1, hdrRank - 1)];
      double estimate =
          integerMicros
              ? hdr.getValueAtPercentile(q * 100)
              : hdrDouble.getValueAtPercentile(q * 100);
      errHdr = Math.max(errHdr, Math.abs(estimate - exactHdr) / exactHdr);
    }
    int bytesLog = avroBytes(RollingStatsRecords.sketch(log.buckets()));
    ByteBuffer buffer;
    int hdrBytes;
    int hdrCompressed;
    long hdrMemory;
    if (integerMicros) {
      buffer = ByteBuffer.allocate(hdr.getNeededByteBufferCapacity());
      hdrBytes = hdr.encodeIntoByteBuffer(buffer);
      hdrCompressed =
          hdr.encodeIntoCompressedByteBuffer(
              ByteBuffer.allocate(hdr.getNeededByteBufferCapacity()), 1);
      hdrMemory = hdr.getEstimatedFootprintInBytes();
    } else {
      buffer = ByteBuffer.allocate(hdrDouble.getNeededByteBufferCapacity());
      hdrBytes = hdrDouble.encodeIntoByteBuffer(buffer);
      hdrCompressed =
          hdrDouble.encodeIntoCompressedByteBuffer(
              ByteBuffer.allocate(hdrDouble.getNeededByteBufferCapacity()), 1);
      hdrMemory = hdrDouble.getEstimatedFootprintInBytes();
    }
    long memoryLog = 8L * log.buckets().trimmedCounts().length;
    return new Result(errLog, errHdr, bytesLog, hdrBytes, hdrCompressed, memoryLog, hdrMemory);
  }

  private static int avroBytes(QuantileSketch sketch) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<>(QuantileSketch.class).write(sketch, encoder);
      encoder.flush();
      return out.size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldKeepLogBucketsWithinOnePercentAndSmallerThanHdrHistogram() {
    StringBuilder table =
        new StringBuilder(
            "\n| series | values | worst rel. error log/HDR | Avro bytes log | HDR bytes (plain/deflate) | memory log/HDR |\n");
    int[] sizes = {100, 1_000, 60_000, 1_000_000};
    String[] names = {"tick.duration", "action.latency", "cpu.process.percent"};
    for (int s = 0; s < names.length; s++) {
      for (int n : sizes) {
        Random random = new Random(1000L * s + n);
        DoubleSupplier source = s == 0 ? ticks(random) : s == 1 ? actions(random) : cpu(random);
        Result r = measure(source, n, s < 2);
        table.append(
            String.format(
                "| %s | %,d | %.3f%% / %.3f%% | %,d | %,d / %,d | %,d / %,d |%n",
                names[s],
                n,
                100 * r.maxErrorLog(),
                100 * r.maxErrorHdr(),
                r.bytesLog(),
                r.bytesHdr(),
                r.bytesHdrCompressed(),
                r.memoryLog(),
                r.memoryHdr()));
        assertThat(r.maxErrorLog()).as(names[s] + " n=" + n).isLessThanOrEqualTo(0.01 + 1e-12);
        assertThat(r.memoryLog()).isLessThan(r.memoryHdr());
      }
    }
    LOG.info("sketch comparison (alpha 1 % vs HdrHistogram 2 digits):{}", table);
  }
}
