package io.tickwatch.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelMatcherTest {
  private static final Map<String, String> LABELS = Map.of("host", "web-1", "severity", "critical");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "host=web-1 ; true",
        "host = \"web-1\" ; true",
        "host!=web-1 ; false",
        "host=~web-[0-9] ; true",
        "host=~web ; false",
        "host!~db-.* ; true",
        "severity=~warning|critical ; true",
        "missing= ; true",
        "missing!= ; false"
      })
  void shouldParseAndMatch(String text, boolean matches) {
    assertThat(LabelMatcher.parse(text).matches(LABELS)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"host | no operator", "=x | name", "host=~( | regular expression"})
  void shouldRejectBadMatchersWithAMessage(String text, String message) {
    assertThatThrownBy(() -> LabelMatcher.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
