package io.tickwatch.producer;

import io.tickwatch.avro.SampleBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small hand-made batches for tests. */
public final class TestBatches {

  private TestBatches() {}

  /** A minimal valid batch with sequence {@code sequence}. */
  public static SampleBatch batch(long sequence) {
    return new SampleBatch(
        "host-1",
        "",
        Map.of(),
        "run",
        sequence,
        Instant.ofEpochMilli(1_000),
        1000,
        0,
        List.of(),
        List.of(),
        Map.of(),
        null);
  }
}
