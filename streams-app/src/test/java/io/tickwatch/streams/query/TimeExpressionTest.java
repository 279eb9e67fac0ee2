package io.tickwatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeExpressionTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void shouldParseNowRelativeIsoAndEpochForms() {
    assertThat(TimeExpression.parse("now", NOW)).isEqualTo(NOW);
    assertThat(TimeExpression.parse("-15m", NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    assertThat(TimeExpression.parse("now-2h", NOW)).isEqualTo(NOW.minus(Duration.ofHours(2)));
    assertThat(TimeExpression.parse("-90s", NOW)).isEqualTo(NOW.minusSeconds(90));
    assertThat(TimeExpression.parse("-1d", NOW)).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(TimeExpression.parse("-250ms", NOW)).isEqualTo(NOW.minusMillis(250));
    assertThat(TimeExpression.parse("2026-11-27T10:00:00Z", NOW))
        .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(TimeExpression.parse("1795000000000", NOW))
        .isEqualTo(Instant.ofEpochMilli(1_795_000_000_000L));
  }

  @Test
  void shouldRejectAnythingElseWithTheAcceptedForms() {
    assertThatThrownBy(() -> TimeExpression.parse("yesterday", NOW))
        .hasMessageContaining("'yesterday' is not a time")
        .hasMessageContaining("-15m");
    assertThatThrownBy(() -> TimeExpression.parse("+5m", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeExpression.parse(" ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
