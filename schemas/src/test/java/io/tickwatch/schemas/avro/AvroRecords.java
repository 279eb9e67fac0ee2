package io.tickwatch.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

/**
 * Equality of generated records for tests. Avro 1.12's generated {@code equals} compares double
 * fields with {@code !=}, so a record holding NaN (our "no value") is not even equal to itself;
 * this compares field by field with {@link Double#equals} semantics instead.
 */
public final class AvroRecords {
  private AvroRecords() {}

  /** Asserts that {@code actual} has the same field values as {@code expected}, NaN included. */
  public static void assertSameRecord(Object actual, Object expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class)
        .withComparatorForType(ByteBuffer::compareTo, ByteBuffer.class)
        .isEqualTo(expected);
  }
}
