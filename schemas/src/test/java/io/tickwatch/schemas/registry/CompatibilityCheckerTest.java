package io.tickwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CompatibilityCheckerTest {

  private static final Map<String, String> SCHEMAS =
      Map.of(
          "a", record("{\"name\":\"a\",\"type\":\"int\"}"),
          "a_long", record("{\"name\":\"a\",\"type\":\"long\"}"),
          "a_string", record("{\"name\":\"a\",\"type\":\"string\"}"),
          "a_b", record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}"),
          "a_bDefault",
              record(
                  "{\"name\":\"a\",\"type\":\"int\"},"
                      + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}"));

  /**
   * One change from the only earlier version, per level. With a single earlier version the
   * transitive forms must agree with the plain ones.
   */
  @ParameterizedTest(name = "{0} -> {1} under {2}: {3}")
  @CsvSource({
    // add a field with a default: fine in every direction
    "a,        a_bDefault, NONE,     true",
    "a,        a_bDefault, BACKWARD, true",
    "a,        a_bDefault, FORWARD,  true",
    "a,        a_bDefault, FULL,     true",
    // add a field without a default: the new reader cannot fill it from old data
    "a,        a_b,        NONE,     true",
    "a,        a_b,        BACKWARD, false",
    "a,        a_b,        FORWARD,  true",
    "a,        a_b,        FULL,     false",
    // remove a field that had no default: old readers cannot fill it from new data
    "a_b,      a,          NONE,     true",
    "a_b,      a,          BACKWARD, true",
    "a_b,      a,          FORWARD,  false",
    "a_b,      a,          FULL,     false",
    // remove a field that had a default: fine in every direction
    "a_bDefault, a,        FULL,     true",
    // change a type incompatibly
    "a,        a_string,   NONE,     true",
    "a,        a_string,   BACKWARD, false",
    "a,        a_string,   FORWARD,  false",
    "a,        a_string,   FULL,     false",
    // widen int to long: a promotion readers of the new schema can apply
    "a,        a_long,     BACKWARD, true",
    "a,        a_long,     FORWARD,  false",
    "a,        a_long,     FULL,     false",
  })
  void shouldDecideOneChangePerLevel(String from, String to, String level, boolean expected) {
    List<RegisteredSchema> history = List.of(version(1, from));
    CompatibilityLevel plain = CompatibilityLevel.valueOf(level);

    assertThat(CompatibilityChecker.check(schema(to), history, plain).compatible())
        .isEqualTo(expected);
    if (plain != CompatibilityLevel.NONE) {
      CompatibilityLevel transitive = CompatibilityLevel.valueOf(level + "_TRANSITIVE");
      assertThat(CompatibilityChecker.check(schema(to), history, transitive).compatible())
          .isEqualTo(expected);
    }
  }

  /** Three versions where only the check against v1 fails, so only the transitive level refuses. */
  @ParameterizedTest(name = "{0},{1} -> {2} under {3}: {4}")
  @CsvSource({
    "a,   a_bDefault, a_b, BACKWARD,            true",
    "a,   a_bDefault, a_b, BACKWARD_TRANSITIVE, false",
    "a_b, a_bDefault, a,   FORWARD,             true",
    "a_b, a_bDefault, a,   FORWARD_TRANSITIVE,  false",
    "a_b, a_bDefault, a,   FULL,                true",
    "a_b, a_bDefault, a,   FULL_TRANSITIVE,     false",
    "a,   a_string,   a_b, NONE,                true",
  })
  void shouldCheckEveryVersionOnlyWhenTransitive(
      String v1, String v2, String candidate, String level, boolean expected) {
    List<RegisteredSchema> history = List.of(version(1, v1), version(2, v2));

    CompatibilityChecker.Result result =
        CompatibilityChecker.check(schema(candidate), history, CompatibilityLevel.valueOf(level));

    assertThat(result.compatible()).isEqualTo(expected);
    if (!expected) {
      assertThat(result.messages())
          .allSatisfy(message -> assertThat(message).contains("version 1"));
    }
  }

  @Test
  void shouldExplainWhyAFieldWithoutDefaultIsBackwardIncompatible() {
    CompatibilityChecker.Result result =
        CompatibilityChecker.check(
            schema("a_b"), List.of(version(1, "a")), CompatibilityLevel.BACKWARD);

    assertThat(result.compatible()).isFalse();
    assertThat(result.messages())
        .singleElement()
        .asString()
        .contains("BACKWARD", "READER_FIELD_MISSING_DEFAULT_VALUE", "b", "version 1");
  }

  @Test
  void shouldReportBothDirectionsUnderFull() {
    CompatibilityChecker.Result result =
        CompatibilityChecker.check(
            schema("a_string"), List.of(version(1, "a")), CompatibilityLevel.FULL);

    assertThat(result.messages()).anyMatch(m -> m.startsWith("BACKWARD"));
    assertThat(result.messages()).anyMatch(m -> m.startsWith("FORWARD"));
  }

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void shouldAcceptAnythingForAnEmptySubject(CompatibilityLevel level) {
    assertThat(CompatibilityChecker.check(schema("a_string"), List.of(), level))
        .isEqualTo(CompatibilityChecker.Result.COMPATIBLE);
  }

  private static RegisteredSchema version(int version, String name) {
    return new RegisteredSchema("s-value", version, version, schema(name));
  }

  private static Schema schema(String name) {
    List<String> known = new ArrayList<>(SCHEMAS.keySet());
    assertThat(known).contains(name);
    return new Schema.Parser().parse(SCHEMAS.get(name));
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[" + fields + "]}";
  }
}
