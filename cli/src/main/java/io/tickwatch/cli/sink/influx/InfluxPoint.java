package io.tickwatch.cli.sink.influx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One InfluxDB point before encoding.
 *
 * @param measurement measurement name, not blank
 * @param tags tag set (sorted by key, as InfluxDB recommends); empty keys or values are dropped
 *     when encoded
 * @param fields field set in insertion order; values are {@link Long} or {@link Integer} (integer
 *     fields), {@link Double} or {@link Float} (float fields, non-finite values dropped when
 *     encoded), {@link Boolean} or {@link String}
 * @param timestampMillis epoch milliseconds (the sink writes with {@code precision=ms})
 */
public record InfluxPoint(
    String measurement,
    SortedMap<String, String> tags,
    Map<String, Object> fields,
    long timestampMillis) {

  public InfluxPoint {
    if (measurement == null || measurement.isBlank()) {
      throw new IllegalArgumentException("measurement must not be blank");
    }
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields)));
  }
}
