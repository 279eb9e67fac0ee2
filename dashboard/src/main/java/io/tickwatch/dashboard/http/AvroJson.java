package io.tickwatch.dashboard.http;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as plain JSON-ready values: field names as in the schema, timestamps as epoch
 * milliseconds, enums as their symbol, NaN and infinities as {@code null}, bytes left out.
 */
public final class AvroJson {

  private AvroJson() {}

  /** The record as an ordered map. */
  public static Map<String, Object> toMap(IndexedRecord record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = value(record.get(field.pos()));
      if (value != SKIP) {
        out.put(field.name(), value);
      }
    }
    return out;
  }

  private static final Object SKIP = new Object();

  private static Object value(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof IndexedRecord r) {
      return toMap(r);
    }
    if (v instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (v instanceof Double d) {
      return Json.num(d);
    }
    if (v instanceof Float f) {
      return Json.num(f);
    }
    if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof GenericEnumSymbol<?>) {
      return v.toString();
    }
    if (v instanceof ByteBuffer) {
      return SKIP;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k.toString(), value(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(x -> out.add(value(x)));
      return out;
    }
    return v;
  }
}
