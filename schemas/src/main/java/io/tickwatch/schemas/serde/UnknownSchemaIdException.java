package io.tickwatch.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload whose schema id is not known to the schema registry: the record was written against
 * another registry, or the registry lost its schemas topic.
 */
public class UnknownSchemaIdException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final int schemaId;

  public UnknownSchemaIdException(String topic, int schemaId, Throwable cause) {
    super(
        String.format(
            "Record from topic '%s' names schema id %d, which the schema registry does not know"
                + " (was it written against another registry?)",
            topic, schemaId),
        cause);
    this.topic = topic;
    this.schemaId = schemaId;
  }

  /** Topic the payload was read from. */
  public String topic() {
    return topic;
  }

  /** The schema id found in bytes 1-4 of the payload. */
  public int schemaId() {
    return schemaId;
  }
}
