package io.tickwatch.dashboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void shouldWriteHelpTypeAndSamples() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("host", "host-1");
    labels.put("metric", "tick.duration");
    String text =
        new PrometheusText()
            .family("tickwatch_rolling_p99", "gauge", "99th percentile.")
            .sample("tickwatch_rolling_p99", labels, 16_000)
            .sample("tickwatch_rolling_p99", Map.of("host", "h2"), 0.25)
            .toString();
    assertThat(text)
        .isEqualTo(
            "# HELP tickwatch_rolling_p99 99th percentile.\n"
                + "# TYPE tickwatch_rolling_p99 gauge\n"
                + "tickwatch_rolling_p99{host=\"host-1\",metric=\"tick.duration\"} 16000\n"
                + "tickwatch_rolling_p99{host=\"h2\"} 0.25\n");
  }

  @Test
  void shouldEscapeLabelValuesAndHelp() {
    String hostile = "a\\b\"c\nd<img src=x onerror=alert(1)>";
    String text =
        new PrometheusText()
            .family("m", "gauge", "line one\nback\\slash")
            .sample("m", Map.of("host", hostile), 1)
            .toString();
    assertThat(text)
        .contains("# HELP m line one\\nback\\\\slash\n")
        .contains("m{host=\"a\\\\b\\\"c\\nd<img src=x onerror=alert(1)>\"} 1\n");
    assertThat(text.lines()).hasSize(3);
  }

  @Test
  void shouldFormatSpecialValues() {
    assertThat(PrometheusText.format(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusText.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PrometheusText.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(PrometheusText.format(3)).isEqualTo("3");
    assertThat(PrometheusText.format(-0.5)).isEqualTo("-0.5");
    assertThat(Double.parseDouble(PrometheusText.format(1.5e300))).isEqualTo(1.5e300);
  }

  @Test
  void shouldRefuseInvalidNames() {
    assertThatThrownBy(() -> new PrometheusText().family("tick.duration", "gauge", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid metric name");
    assertThatThrownBy(() -> new PrometheusText().sample("m", Map.of("a-b", "x"), 1))
        .hasMessageContaining("invalid label name");
    assertThatThrownBy(() -> new PrometheusText().sample("m", Map.of("__name__", "x"), 1))
        .hasMessageContaining("invalid label name");
  }
}
