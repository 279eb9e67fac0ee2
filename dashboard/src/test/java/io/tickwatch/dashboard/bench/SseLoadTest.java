package io.tickwatch.dashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded loopback load test: 100 concurrent SSE clients for a few seconds. Asserts behaviour
 * (every client stays connected and receives the live stream), never time; the CPU figure is
 * logged, and measured properly with {@code ./tickwatch bench dashboard} (docs/PERFORMANCE.md).
 */
class SseLoadTest {

  private static final Logger LOG = LoggerFactory.getLogger(SseLoadTest.class);

  @Test
  void shouldServeOneHundredConcurrentStreamClients() throws Exception {
    SseLoadBenchmark.Result result =
        new SseLoadBenchmark(
                new SseLoadBenchmark.Settings(
                    100, 5, 10, Duration.ofSeconds(1), Duration.ofSeconds(3)))
            .run();
    LOG.info("SSE load: {}", result);
    assertThat(result.clients()).isEqualTo(100);
    assertThat(result.clientsAtEnd()).isEqualTo(100);
    assertThat(result.statsPerSecond()).isPositive();
    assertThat(result.eventsReceivedPerClient()).isPositive();
  }
}
