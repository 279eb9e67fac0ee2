package io.tickwatch.schemas.serde;

/** Subject names of the topic-name strategy: {@code <topic>-value} and {@code <topic>-key}. */
public final class Subjects {
  private Subjects() {}

  /** The subject of a topic's values, {@code <topic>-value}. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  /** The subject of a topic's keys or values. */
  public static String subject(String topic, boolean isKey) {
    return isKey ? topic + "-key" : valueSubject(topic);
  }
}
