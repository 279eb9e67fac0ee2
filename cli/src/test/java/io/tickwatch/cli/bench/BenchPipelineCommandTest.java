package io.tickwatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.bench.pipeline.AnomalyPhase;
import io.tickwatch.cli.bench.pipeline.PipelineBenchmark;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchPipelineCommandTest {

  private final BenchPipelineCommand command = new BenchPipelineCommand();

  @Test
  void shouldRunTheAnomalyPhaseByDefault() {
    new CommandLine(command).parseArgs();

    PipelineBenchmark.Settings settings = command.settings();

    assertThat(settings.anomalies()).isTrue();
  }

  @Test
  void shouldSkipTheAnomalyPhaseWithNoAnomalies() {
    new CommandLine(command).parseArgs("--no-anomalies");

    assertThat(command.settings().anomalies()).isFalse();
  }

  @Test
  void shouldKeepUpWhenTheAnomalyAppConsumesFasterThanTheStatisticsWereProduced() {
    AnomalyPhase.Result fast = new AnomalyPhase.Result(10_000, 2.0, 960, 3, 2_500);
    AnomalyPhase.Result slow = new AnomalyPhase.Result(10_000, 5.0, 960, 3, 2_500);

    assertThat(fast.recordsPerSecond()).isEqualTo(5_000);
    assertThat(fast.hostSecondsPerSecond()).isEqualTo(480);
    assertThat(fast.headroom()).isEqualTo(2.0);
    assertThat(fast.keepsUp()).isTrue();
    assertThat(slow.headroom()).isEqualTo(0.8);
    assertThat(slow.keepsUp()).isFalse();
  }
}
