package io.tickwatch.alerting;

import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client properties passed through to every client of the alerting service (its producers and
 * consumers): connection and security settings such as {@code security.protocol}, {@code
 * sasl.mechanism}, {@code sasl.jaas.config} and {@code ssl.*}, read from {@code
 * alerting.kafka.<property>} keys. {@link #toString()} names the keys only: values may be
 * credentials.
 *
 * @param values property name (without the prefix) to value
 */
public record KafkaClientProperties(Map<String, String> values) {

  public KafkaClientProperties {
    values = Map.copyOf(values);
  }

  /** No pass-through properties. */
  public static KafkaClientProperties none() {
    return new KafkaClientProperties(Map.of());
  }

  /**
   * A client configuration starting with these properties (the caller's own settings go on top).
   */
  public Map<String, Object> base() {
    return new TreeMap<>(values);
  }

  @Override
  public String toString() {
    return "KafkaClientProperties" + new TreeMap<>(values).keySet();
  }
}
