package io.tickwatch.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload that ends too early: shorter than the 5-byte wire-format header, or with an Avro body
 * that ends before the writer schema says it should.
 */
public class TruncatedPayloadException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final int payloadLengthBytes;

  public TruncatedPayloadException(String topic, int payloadLengthBytes, String detail) {
    this(topic, payloadLengthBytes, detail, null);
  }

  public TruncatedPayloadException(
      String topic, int payloadLengthBytes, String detail, Throwable cause) {
    super(
        String.format(
            "Truncated record from topic '%s': %d bytes, %s", topic, payloadLengthBytes, detail),
        cause);
    this.topic = topic;
    this.payloadLengthBytes = payloadLengthBytes;
  }

  /** Topic the payload was read from. */
  public String topic() {
    return topic;
  }

  /** Length of the whole payload, header included. */
  public int payloadLengthBytes() {
    return payloadLengthBytes;
  }
}
