package io.tickwatch.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.model.LabelMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {
  private static final Route ROOT = tree();

  /** root → [game (cluster=game) → [game-critical (severity=critical)], critical]. */
  private static Route tree() {
    Route root =
        Route.root(
            List.of("chat"),
            List.of("host"),
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Duration.ofHours(4));
    Route game =
        root.child("game", List.of(LabelMatcher.equal("cluster", "game")), List.of("game-chat"))
            .withChildren(
                List.of(
                    root.child(
                        "game-critical",
                        List.of(LabelMatcher.equal("severity", "critical")),
                        List.of("pager", "game-chat"))));
    Route critical =
        root.child(
            "critical",
            List.of(LabelMatcher.regex("severity", "critical|emergency")),
            List.of("pager"));
    return root.withChildren(List.of(game, critical));
  }

  @ParameterizedTest(name = "cluster={0} severity={1} -> {2}")
  @CsvSource({
    "game, warning, game",
    "game, critical, game-critical",
    "game, emergency, game",
    "web, critical, critical",
    "web, emergency, critical",
    "web, warning, root"
  })
  void shouldPickTheDeepestFirstMatchingRoute(String cluster, String severity, String route) {
    assertThat(ROOT.match(Map.of("cluster", cluster, "severity", severity)).name())
        .isEqualTo(route);
  }
}
