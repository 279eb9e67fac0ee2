package io.tickwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyntheticHostTest {

  private final SyntheticHost host = new SyntheticHost("demo-host-1", 42, 1_000_000L, "eu-west");

  @Test
  void shouldBuildHundredOneMillisecondSlotsPerSeries() {
    SampleBatch batch = host.nextBatch();
    assertThat(batch.getHostId()).isEqualTo("demo-host-1");
    assertThat(batch.getSampleCount()).isEqualTo(100);
    assertThat(batch.getSampleIntervalMicros()).isEqualTo(1_000);
    assertThat(batch.getSeries())
        .extracting(MetricSeries::getName)
        .containsExactly(
            "cpu.process.percent",
            "heap.used.bytes",
            "players.online.count",
            "tick.duration.micros");
    assertThat(batch.getSeries()).allSatisfy(series -> assertThat(series.getValues()).hasSize(100));
  }

  @Test
  void shouldContinueEventTimeAndSequenceWithoutGaps() {
    SampleBatch first = host.nextBatch();
    SampleBatch second = host.nextBatch();
    assertThat(first.getStartTimeMillis()).isEqualTo(Instant.ofEpochMilli(1_000_000L));
    assertThat(second.getStartTimeMillis()).isEqualTo(Instant.ofEpochMilli(1_000_100L));
    assertThat(second.getSequence()).isEqualTo(first.getSequence() + 1);
    assertThat(second.getAgentRunId()).isEqualTo(first.getAgentRunId());
  }

  @Test
  void shouldProducePlausibleVaryingValues() {
    SampleBatch batch = host.nextBatch();
    MetricSeries cpu = batch.getSeries().get(0);
    MetricSeries tick = batch.getSeries().get(3);
    assertThat(cpu.getValues()).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
    assertThat(tick.getValues()).allSatisfy(v -> assertThat(v).isPositive());
    assertThat(tick.getValues().stream().distinct().count()).isGreaterThan(1);
  }

  @Test
  void shouldReportAcknowledgedBatchesInHealth() {
    host.nextBatch();
    host.acknowledged();
    SampleBatch next = host.nextBatch();
    assertThat(next.getHealth().getSamplesProduced()).isEqualTo(2);
    assertThat(next.getHealth().getSamplesDelivered()).isEqualTo(1);
  }
}
