package io.tickwatch.streams.stats;

import io.tickwatch.stats.rolling.AggregateCodec;
import io.tickwatch.stats.rolling.FleetAggregate;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.sketch.LogBucketMapping;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of the internal aggregate values (state stores, changelogs, suppression buffers and the
 * fleet repartition topic), backed by {@link AggregateCodec}. Internal topics are read only by this
 * application, so they use the compact codec rather than Avro and the schema registry.
 */
public final class AggregateSerdes {
  private AggregateSerdes() {}

  /** Serde of {@link HostAggregate}; null encodes as null. */
  public static Serde<HostAggregate> host(LogBucketMapping mapping) {
    AggregateCodec codec = new AggregateCodec(mapping);
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : codec.encode(value),
        (topic, bytes) -> bytes == null ? null : codec.decodeHost(bytes));
  }

  /** Serde of {@link FleetAggregate}; null encodes as null. */
  public static Serde<FleetAggregate> fleet(LogBucketMapping mapping) {
    AggregateCodec codec = new AggregateCodec(mapping);
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : codec.encode(value),
        (topic, bytes) -> bytes == null ? null : codec.decodeFleet(bytes));
  }
}
