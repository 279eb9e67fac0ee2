package io.tickwatch.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleCsvTest {

  @Test
  void shouldWriteOneRowPerReadingAndSevenPerDigest() throws Exception {
    SampleBatch batch =
        SampleBatch.newBuilder()
            .setHostId("host,1")
            .setStartTimeMillis(Instant.ofEpochMilli(1000))
            .setSampleIntervalMicros(500)
            .setSampleCount(3)
            .setSeries(
                List.of(
                    MetricSeries.newBuilder()
                        .setName("cpu.process.percent")
                        .setLabels(Map.of("zone", "eu", "action", "move"))
                        .setValues(List.of(1.5, Double.NaN, 3.0))
                        .build()))
            .setLatencies(
                List.of(
                    LatencyDigest.newBuilder()
                        .setName("tick.duration")
                        .setLabels(Map.of())
                        .setCount(0)
                        .setSumMicros(0)
                        .setMinMicros(Double.NaN)
                        .setMaxMicros(Double.NaN)
                        .setSketch(QuantileSketch.newBuilder().setRelativeAccuracy(0.01).build())
                        .build()))
            .build();
    StringWriter out = new StringWriter();

    long rows = SampleCsv.write(batch, out);

    assertThat(rows).isEqualTo(2 + 7);
    assertThat(out.toString().lines())
        .startsWith(
            "1000,\"host,1\",cpu.process.percent,action=move;zone=eu,1.5",
            "1001,\"host,1\",cpu.process.percent,action=move;zone=eu,3",
            "1000,\"host,1\",tick.duration:count,,0")
        .contains("1000,\"host,1\",tick.duration:p99,,");
  }
}
