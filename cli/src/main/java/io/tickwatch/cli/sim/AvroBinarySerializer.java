package io.tickwatch.cli.sim;

import io.tickwatch.avro.SampleBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary (single-object encoding) of a sample batch: the agent's encoding work without a
 * schema registry, for the overhead benchmarks that measure the agent rather than the registry.
 */
public final class AvroBinarySerializer implements Serializer<SampleBatch> {
  @Override
  public byte[] serialize(String topic, SampleBatch batch) {
    try {
      ByteBuffer buffer = batch.toByteBuffer();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
