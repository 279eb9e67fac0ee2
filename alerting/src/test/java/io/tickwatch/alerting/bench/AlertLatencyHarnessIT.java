package io.tickwatch.alerting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.testing.AlertingStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The latency harness runs end to end on a real broker (incidents from {@code
 * -Dtickwatch.bench.incidents}, 5 by default). Asserts that it measured, never how fast.
 */
class AlertLatencyHarnessIT {
  @Test
  void shouldMeasureEveryIncident() throws Exception {
    int incidents = Integer.getInteger("tickwatch.bench.incidents", 5);
    try (AlertingStack stack = AlertingStack.start()) {
      AlertLatencyHarness.Result result =
          AlertLatencyHarness.run(
              stack.bootstrapServers(),
              stack.registryUrl(),
              incidents,
              Map.of(),
              Duration.ofSeconds(30));
      assertThat(result.incidents()).isEqualTo(incidents);
      assertThat(result.p50Millis()).isPositive().isLessThanOrEqualTo(result.p99Millis());
      assertThat(result.p99Millis()).isLessThanOrEqualTo(result.maxMillis());
    }
  }
}
