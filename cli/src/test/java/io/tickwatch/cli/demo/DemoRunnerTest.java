package io.tickwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoRunnerTest {

  @Test
  void shouldFormatProgressFromMeasuredFlow() {
    String line =
        DemoRunner.progressLine(
            Duration.ofSeconds(15),
            2999.6,
            new SampleFlowMeter.Snapshot(450, 45_000, 0, 3),
            new DemoGameFleet.Counters(452, 450, 0),
            "1");
    assertThat(line)
        .isEqualTo(
            "[demo 00:15] samples/s=3000  batches=450  hosts=3  registry subjects=1  send errors=0");
  }

  @Test
  void shouldMentionUndecodableRecordsOnlyWhenThereAreSome() {
    String line =
        DemoRunner.progressLine(
            Duration.ofSeconds(5),
            0,
            new SampleFlowMeter.Snapshot(1, 100, 2, 1),
            new DemoGameFleet.Counters(1, 1, 0),
            "?");
    assertThat(line).endsWith("undecodable=2");
  }

  @Test
  void shouldSummariseTotalsAtTheEnd() {
    String line =
        DemoRunner.totalsLine(
            Duration.ofSeconds(20),
            new SampleFlowMeter.Snapshot(600, 60_000, 0, 3),
            new DemoGameFleet.Counters(600, 600, 0));
    assertThat(line)
        .isEqualTo(
            "[demo 00:20] total: batches=600  samples=60000  hosts=3  sent=600  acked=600  send"
                + " errors=0");
  }
}
