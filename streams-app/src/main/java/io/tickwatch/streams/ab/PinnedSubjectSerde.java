package io.tickwatch.streams.ab;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An Avro serde for an internal topic that encodes under the subject of a public topic (whose
 * schema is registered already), so internal topics add no subjects to the registry.
 */
final class PinnedSubjectSerde<T> implements Serde<T> {

  private final Serde<T> inner;
  private final String subjectTopic;

  PinnedSubjectSerde(Serde<T> inner, String subjectTopic) {
    this.inner = inner;
    this.subjectTopic = subjectTopic;
  }

  @Override
  public Serializer<T> serializer() {
    Serializer<T> serializer = inner.serializer();
    return (topic, value) -> serializer.serialize(subjectTopic, value);
  }

  @Override
  public Deserializer<T> deserializer() {
    Deserializer<T> deserializer = inner.deserializer();
    return (topic, bytes) -> deserializer.deserialize(subjectTopic, bytes);
  }
}
