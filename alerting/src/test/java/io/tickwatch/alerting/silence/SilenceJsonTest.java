package io.tickwatch.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.alerting.model.LabelMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceJsonTest {
  @Test
  void shouldRoundTripEveryOperatorAndQuotedValues() {
    Silence s =
        new Silence(
            "s-1",
            List.of(
                LabelMatcher.parse("host=web-1"),
                LabelMatcher.parse("metric!=gc.pause"),
                LabelMatcher.parse("alertname=~tick\\..*|heap=.*"),
                LabelMatcher.parse("severity!~critical")),
            1_000,
            2_000,
            "alice",
            "deploy \"v2\"");
    assertThat(SilenceJson.read(SilenceJson.write(s))).isEqualTo(s);
  }

  @Test
  void shouldRejectGarbage() {
    assertThatThrownBy(() -> SilenceJson.read("{nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
