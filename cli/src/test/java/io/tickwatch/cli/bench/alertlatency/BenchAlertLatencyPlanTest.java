package io.tickwatch.cli.bench.alertlatency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.streams.anomaly.rules.DefaultRules;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchAlertLatencyPlanTest {

  @Test
  void shouldScheduleOneIncidentPerIntervalOnDistinctHostsAwayFromTheWindowEnd() {
    List<Incident> plan =
        IncidentPlan.plan("ab-x-", 50, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(2), 7);

    assertThat(plan).hasSize(50);
    assertThat(new HashSet<>(plan.stream().map(Incident::hostId).toList())).hasSize(50);
    for (int i = 0; i < plan.size(); i++) {
      Incident incident = plan.get(i);
      assertThat(incident.onsetMillis() / 1000 * 1000).isEqualTo(10_000 + i * 1000L);
      assertThat(incident.onsetMillis() % 1000).isLessThan(980);
      assertThat(incident.endMillis() - incident.onsetMillis()).isEqualTo(2000);
    }
    assertThat(plan.get(3).hostId()).isEqualTo("ab-x-003");
  }

  @Test
  void shouldRejectAFirstSecondThatIsNotWhole() {
    assertThatThrownBy(
            () ->
                IncidentPlan.plan("h", 1, 10_001, Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldCoverExactlyTheAnomalousInterval() {
    Incident incident = new Incident("h", 1_000, 3_000);

    assertThat(incident.covers(999)).isFalse();
    assertThat(incident.covers(1_000)).isTrue();
    assertThat(incident.covers(2_999)).isTrue();
    assertThat(incident.covers(3_000)).isFalse();
  }

  @Test
  void shouldKeepTheDefaultRulesExceptTheLatencyRulesFor() {
    List<DetectorRule> fast = Variant.FAST.rules();
    List<DetectorRule> defaults = Variant.DEFAULT.rules();

    assertThat(fast).hasSameSizeAs(DefaultRules.rules());
    DetectorRule original = rule(DefaultRules.rules(), Variant.RULE_ID);
    assertThat(rule(defaults, Variant.RULE_ID)).isEqualTo(original);
    assertThat(rule(fast, Variant.RULE_ID).forWindows()).isEqualTo(1);
    assertThat(Variant.FAST.anomalyDuration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(Variant.DEFAULT.anomalyDuration()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void shouldParseVariants() {
    assertThat(Variant.parse("both")).containsExactly(Variant.DEFAULT, Variant.FAST);
    assertThat(Variant.parse("FAST")).containsExactly(Variant.FAST);
    assertThat(Variant.parse("all"))
        .containsExactly(Variant.DEFAULT, Variant.DEFAULT_FOR1, Variant.FAST);
    assertThat(rule(Variant.DEFAULT_FOR1.rules(), Variant.RULE_ID).forWindows()).isEqualTo(1);
    assertThatThrownBy(() -> Variant.parse("slow")).hasMessageContaining("--variant");
  }

  @Test
  void shouldSummariseTotalsAndStagesOverNotifiedIncidents() {
    List<Timeline> timelines =
        List.of(
            new Timeline("a", 1_000, 2_000, 2_500, 3_000, 3_200),
            new Timeline("b", 1_000, 2_000, 2_400, 2_600, 2_700),
            new Timeline("c", 1_000, -1, -1, -1, -1));
    LatencySummary summary = new LatencySummary(timelines);

    assertThat(summary.notified()).isEqualTo(2);
    assertThat(summary.total()).isEqualTo(new LatencySummary.Stat(2, 1_700, 2_200, 2_200));
    assertThat(summary.window()).isEqualTo(new LatencySummary.Stat(2, 1_000, 1_000, 1_000));
    assertThat(summary.stats()).isEqualTo(new LatencySummary.Stat(2, 400, 500, 500));
    assertThat(summary.anomaly()).isEqualTo(new LatencySummary.Stat(2, 200, 500, 500));
    assertThat(summary.notification()).isEqualTo(new LatencySummary.Stat(2, 100, 200, 200));
    assertThat(String.join("\n", summary.lines("fast")))
        .contains("fast: 2/3 incidents notified", "p50 1700 ms, p99 2200 ms, max 2200 ms");
  }

  @Test
  void shouldUseNearestRankPercentiles() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }

    assertThat(LatencySummary.rank(sorted, 0.50)).isEqualTo(50);
    assertThat(LatencySummary.rank(sorted, 0.99)).isEqualTo(99);
    assertThat(LatencySummary.rank(new long[] {7}, 0.99)).isEqualTo(7);
  }

  private static DetectorRule rule(List<DetectorRule> rules, String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
