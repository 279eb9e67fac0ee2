package io.tickwatch.cli.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

  private static InfluxPoint point(
      String measurement, Map<String, String> tags, Map<String, Object> fields) {
    return new InfluxPoint(measurement, new TreeMap<>(tags), fields, 1_700_000_000_123L);
  }

  private static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], keyValues[i + 1]);
    }
    return fields;
  }

  @Test
  void shouldWriteSortedTagsIntegerAndFloatFieldsAndMillis() {
    String line =
        LineProtocol.line(
            point(
                "stats",
                Map.of("metric", "tick.duration", "host", "h1"),
                fields("count", 42L, "mean", 1.5, "n", 7)));

    assertThat(line)
        .isEqualTo("stats,host=h1,metric=tick.duration count=42i,mean=1.5,n=7i 1700000000123");
  }

  @Test
  void shouldKeepWholeFloatsFloats() {
    assertThat(LineProtocol.line(point("m", Map.of(), fields("x", 3.0, "big", 1e21, "neg", -0.25))))
        .isEqualTo("m x=3.0,big=1.0E21,neg=-0.25 1700000000123");
  }

  @Test
  void shouldEscapeCommasAndSpacesInMeasurement() {
    assertThat(LineProtocol.line(point("my measure,x=1", Map.of(), fields("v", 1L))))
        .isEqualTo("my\\ measure\\,x=1 v=1i 1700000000123");
  }

  @Test
  void shouldEscapeCommasEqualsAndSpacesInTagKeysTagValuesAndFieldKeys() {
    String line =
        LineProtocol.line(point("m", Map.of("a key,=", "v a,l=ue"), fields("f key,=", 1L)));

    assertThat(line).isEqualTo("m,a\\ key\\,\\==v\\ a\\,l\\=ue f\\ key\\,\\==1i 1700000000123");
  }

  @Test
  void shouldEscapeQuotesAndBackslashesInStringFields() {
    assertThat(
            LineProtocol.line(point("m", Map.of(), fields("s", "say \"hi\" C:\\dir", "b", true))))
        .isEqualTo("m s=\"say \\\"hi\\\" C:\\\\dir\",b=true 1700000000123");
  }

  @Test
  void shouldTurnLineBreaksIntoSpaces() {
    assertThat(LineProtocol.line(point("m", Map.of("t", "a\nb"), fields("s", "x\r\ny"))))
        .isEqualTo("m,t=a\\ b s=\"x  y\" 1700000000123");
  }

  @Test
  void shouldSkipNaNAndInfiniteFields() {
    assertThat(
            LineProtocol.line(
                point(
                    "m",
                    Map.of(),
                    fields(
                        "a", Double.NaN, "b", 2.5, "c", Double.POSITIVE_INFINITY, "d", Float.NaN))))
        .isEqualTo("m b=2.5 1700000000123");
  }

  @Test
  void shouldDropAPointWithoutWritableFields() {
    StringBuilder out = new StringBuilder("before\n");

    boolean written =
        LineProtocol.append(out, point("m", Map.of("t", "v"), fields("a", Double.NaN)));

    assertThat(written).isFalse();
    assertThat(out).hasToString("before\n");
  }

  @Test
  void shouldLeaveOutEmptyTagValues() {
    assertThat(LineProtocol.line(point("m", Map.of("cluster", "", "host", "h"), fields("v", 1L))))
        .isEqualTo("m,host=h v=1i 1700000000123");
  }

  @Test
  void shouldEndEveryAppendedLineWithANewline() {
    StringBuilder out = new StringBuilder();
    LineProtocol.append(out, point("m", Map.of(), fields("v", 1L)));
    LineProtocol.append(out, point("m", Map.of(), fields("v", 2L)));

    assertThat(out).hasToString("m v=1i 1700000000123\nm v=2i 1700000000123\n");
  }
}
