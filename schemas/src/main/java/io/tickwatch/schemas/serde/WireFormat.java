package io.tickwatch.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The Confluent wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 are the schema id as
 * a big-endian signed 32-bit integer, and the Avro binary encoding of the record follows from byte
 * 5 on. A record written this way can be read by Confluent's {@code KafkaAvroDeserializer} against
 * the same registry.
 */
public final class WireFormat {
  /** First byte of every wire-format payload. */
  public static final byte MAGIC_BYTE = 0x00;

  /** Length of the schema id, in bytes. */
  public static final int SCHEMA_ID_SIZE_BYTES = 4;

  /** Length of the header (magic byte + schema id), in bytes; the Avro body starts here. */
  public static final int HEADER_SIZE_BYTES = 1 + SCHEMA_ID_SIZE_BYTES;

  private WireFormat() {}

  /** The 5 header bytes for {@code schemaId}. */
  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE_BYTES).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** Writes the 5 header bytes for {@code schemaId} to {@code out}. */
  public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /**
   * Validates the header of {@code payload} and returns its schema id.
   *
   * @param topic the topic the payload came from, used in error messages only
   * @throws TruncatedPayloadException when the payload is shorter than the header
   * @throws UnknownMagicByteException when byte 0 is not {@link #MAGIC_BYTE}
   */
  public static int parseSchemaId(String topic, byte[] payload) {
    if (payload.length > 0 && payload[0] != MAGIC_BYTE) {
      throw new UnknownMagicByteException(topic, payload[0], payload.length);
    }
    if (payload.length < HEADER_SIZE_BYTES) {
      throw new TruncatedPayloadException(
          topic,
          payload.length,
          "shorter than the "
              + HEADER_SIZE_BYTES
              + "-byte wire-format header (magic byte 0x00 + 4-byte schema id)");
    }
    return ((payload[1] & 0xff) << 24)
        | ((payload[2] & 0xff) << 16)
        | ((payload[3] & 0xff) << 8)
        | (payload[4] & 0xff);
  }
}
