package io.tickwatch.cli.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.stack.DevStack;
import io.tickwatch.cli.stack.PortCheck;
import io.tickwatch.cli.stack.StackOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench pipeline} at a small size on an embedded stack, anomaly phase included. */
class PipelineBenchmarkIT {

  @TempDir Path stackDir;
  @TempDir Path benchDir;

  @Test
  void shouldRunTheAnomalyAppOverTheStatisticsOfTheThroughputPhase() throws Exception {
    StackOptions options =
        StackOptions.defaults()
            .withDataDir(stackDir)
            .withPorts(PortCheck.findFreePort(), PortCheck.findFreePort(), PortCheck.findFreePort())
            .withExternal(Optional.empty(), Optional.empty());
    PipelineBenchmark.Settings settings =
        new PipelineBenchmark.Settings(
            2,
            Duration.ofSeconds(5),
            0,
            1,
            Duration.ofSeconds(1),
            0,
            1,
            Optional.empty(),
            Optional.empty(),
            true);
    List<String> console = new ArrayList<>();
    PipelineBenchmark.Result result;
    try (DevStack stack = DevStack.start(options, line -> {})) {
      result =
          new PipelineBenchmark(
                  stack.bootstrapServers(),
                  stack.schemaRegistryUrl(),
                  stack.registryClient(),
                  benchDir,
                  settings,
                  console::add,
                  InstantSource.system())
              .run();
    }

    assertThat(result.actualHostFinals()).isEqualTo(result.expectedHostFinals()).isPositive();
    AnomalyPhase.Result anomalies = result.anomalies();
    assertThat(anomalies).isNotNull();
    // every host final of the throughput phase is on the statistics topic the anomaly app read
    assertThat(anomalies.statsRecords()).isGreaterThanOrEqualTo(result.actualHostFinals());
    assertThat(anomalies.hostSeconds()).isEqualTo(10);
    assertThat(anomalies.seconds()).isPositive();
    assertThat(anomalies.recordsPerSecond()).isPositive();
    assertThat(anomalies.statsProducedPerSecond()).isPositive();
    assertThat(anomalies.headroom()).isPositive();
    assertThat(console).anySatisfy(line -> assertThat(line).startsWith("[2b/3] anomalies"));
  }
}
