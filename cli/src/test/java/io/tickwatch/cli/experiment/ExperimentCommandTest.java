package io.tickwatch.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentCommandTest {

  private static int run(StringWriter err, String... args) {
    return Main.execute(
        args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  @Test
  void shouldListEveryProblemOfAnInvalidDefinitionOnOneLineBeforeConnecting() {
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "experiment",
            "create",
            "Bad_Id",
            "--variant",
            "a=0.7",
            "--variant",
            "b",
            "--control",
            "c",
            "--metric",
            "tick.duration",
            "--alpha",
            "2",
            "--bootstrap-servers",
            "127.0.0.1:1");
    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    String message = err.toString().strip();
    assertThat(message.lines()).hasSize(1);
    assertThat(message)
        .startsWith("tickwatch: error: ")
        .contains("variant 'b' must be NAME=SHARE")
        .contains("experiment id must match [a-z0-9-]+")
        .contains("at least two variants")
        .contains("metric 'tick.duration' is not a per-variant series")
        .contains("alpha must be in (0, 1)");
  }

  @Test
  void shouldRejectSharesThatDoNotSumToOneAndAnUnknownControl() {
    ExperimentDefinition definition =
        new ExperimentDefinition(
            "exp-1",
            null,
            null,
            List.of("a=0.7", "b=0.7"),
            "c",
            AssignmentUnit.PLAYER,
            null,
            List.of(),
            true,
            0.05,
            null);
    assertThat(definition.problems())
        .anyMatch(p -> p.contains("sum to 1"))
        .anyMatch(p -> p.contains("control variant 'c'"));
  }

  @Test
  void shouldMoveFromDraftToRunningToStoppedOnly() {
    Instant t0 = Instant.parse("2026-11-28T00:00:00Z");
    Experiment draft =
        new ExperimentDefinition(
                "exp-1",
                "title",
                null,
                List.of("fresh=0.5", "pooled=0.5"),
                null,
                AssignmentUnit.SESSION,
                null,
                List.of(),
                true,
                0.05,
                null)
            .toRecord(t0);
    assertThat(draft.getStatus()).isEqualTo(ExperimentStatus.DRAFT);
    assertThat(draft.getControlVariant()).isEqualTo("fresh");
    assertThat(draft.getMetrics()).containsExactly("ab.latency");

    Experiment running = ExperimentDefinition.started(draft, t0.plusSeconds(1));
    assertThat(running.getStatus()).isEqualTo(ExperimentStatus.RUNNING);
    assertThat(running.getStartedAtMillis()).isEqualTo(t0.plusSeconds(1));
    assertThatThrownBy(() -> ExperimentDefinition.started(running, t0))
        .hasMessageContaining("only a DRAFT experiment can start");
    assertThatThrownBy(() -> ExperimentDefinition.stopped(draft, t0))
        .hasMessageContaining("only a RUNNING experiment can stop");

    Experiment stopped = ExperimentDefinition.stopped(running, t0.plusSeconds(9));
    assertThat(stopped.getStatus()).isEqualTo(ExperimentStatus.STOPPED);
    assertThat(stopped.getStoppedAtMillis()).isEqualTo(t0.plusSeconds(9));
    assertThat(stopped.getStartedAtMillis()).isEqualTo(t0.plusSeconds(1));
  }
}
