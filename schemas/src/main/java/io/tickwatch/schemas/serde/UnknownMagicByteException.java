package io.tickwatch.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload whose first byte is not the Confluent wire-format magic byte {@code 0x00}: it was not
 * written by a wire-format Avro serializer (plain JSON starts with {@code 0x7b}, for example).
 */
public class UnknownMagicByteException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final int magicByte;

  public UnknownMagicByteException(String topic, int magicByte, int payloadLengthBytes) {
    super(
        String.format(
            "Record from topic '%s' starts with byte 0x%02x, not the Confluent wire-format magic"
                + " byte 0x00 (payload of %d bytes); it was not written by an Avro wire-format"
                + " serializer",
            topic, magicByte & 0xff, payloadLengthBytes));
    this.topic = topic;
    this.magicByte = magicByte & 0xff;
  }

  /** Topic the payload was read from. */
  public String topic() {
    return topic;
  }

  /** The first byte seen, 0..255. */
  public int magicByte() {
    return magicByte;
  }
}
