package io.tickwatch.producer.internal.publish;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import java.util.Map;

/**
 * A conservative (never smaller) estimate of a batch's serialized size, so that queued batches can
 * be accounted without serializing them on the sampler thread.
 */
public final class BatchSizeEstimator {

  private static final int WIRE_HEADER_BYTES = 5;
  private static final int VARINT_MAX_BYTES = 10;

  private BatchSizeEstimator() {}

  /**
   * Upper bound of the Avro binary size of {@code batch} in the Confluent wire format, in bytes.
   */
  public static long estimate(SampleBatch batch) {
    long bytes = WIRE_HEADER_BYTES + 256;
    bytes += string(batch.getHostId()) + string(batch.getCluster()) + string(batch.getAgentRunId());
    bytes += map(batch.getTags());
    for (MetricSeries series : batch.getSeries()) {
      bytes += string(series.getName()) + map(series.getLabels()) + 2L * VARINT_MAX_BYTES;
      bytes += 8L * series.getValues().size();
    }
    for (LatencyDigest digest : batch.getLatencies()) {
      bytes += string(digest.getName()) + map(digest.getLabels()) + 64;
      bytes += (long) VARINT_MAX_BYTES * (digest.getSketch().getCounts().size() + 2);
    }
    for (Map.Entry<String, Long> counter : batch.getCounters().entrySet()) {
      bytes += string(counter.getKey()) + VARINT_MAX_BYTES;
    }
    return bytes + 2L * VARINT_MAX_BYTES * 8;
  }

  private static long string(String s) {
    return s == null ? 1 : VARINT_MAX_BYTES + 3L * s.length();
  }

  private static long map(Map<String, String> m) {
    long bytes = 2L * VARINT_MAX_BYTES;
    for (Map.Entry<String, String> e : m.entrySet()) {
      bytes += string(e.getKey()) + string(e.getValue());
    }
    return bytes;
  }
}
