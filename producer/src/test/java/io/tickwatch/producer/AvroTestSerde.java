package io.tickwatch.producer;

import io.tickwatch.avro.SampleBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serializer;

/** Avro single-object encoding, standing in for the registry-backed serializer in unit tests. */
public final class AvroTestSerde implements Serializer<SampleBatch> {

  @Override
  public byte[] serialize(String topic, SampleBatch data) {
    try {
      ByteBuffer buffer = data.toByteBuffer();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes what {@link #serialize} wrote. */
  public static SampleBatch decode(byte[] bytes) {
    try {
      return SampleBatch.fromByteBuffer(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
