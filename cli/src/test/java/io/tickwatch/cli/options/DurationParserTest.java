package io.tickwatch.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
    "90s, 90000",
    "2m, 120000",
    "500ms, 500",
    "1h, 3600000",
    "1m30s, 90000",
    "PT90S, 90000",
    "pt1m30s, 90000",
    "45, 45000",
    "' 10s ', 10000"
  })
  void shouldParseHumanAndIsoDurations(String text, long expectedMillis) {
    assertThat(DurationParser.parse(text)).isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"forever", "FOREVER", "0"})
  void shouldTreatForeverAndZeroAsUnlimited(String text) {
    assertThat(DurationParser.parse(text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "10x", "-5s", "s", "1.5s", "PT-5S", "10 s"})
  void shouldRejectMalformedDurationsWithOneLineReason(String text) {
    assertThatThrownBy(() -> DurationParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("duration");
  }

  @ParameterizedTest
  @CsvSource({"0, 00:00", "15, 00:15", "75, 01:15", "3725, 1:02:05"})
  void shouldFormatElapsedTimeAsClock(long seconds, String expected) {
    assertThat(DurationParser.clock(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }
}
