package io.tickwatch.cli.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryingLineWriterTest {

  private final List<Duration> pauses = new ArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private int attempts;

  /** Fails with the queued statuses (0 = network error), then succeeds. */
  private final LineWriter scripted =
      lines -> {
        attempts++;
        Integer status = statuses.poll();
        if (status != null) {
          throw new InfluxWriteException("status " + status, status, "body " + status, null);
        }
      };

  private RetryingLineWriter writer(int maxAttempts) {
    return new RetryingLineWriter(
        scripted,
        Duration.ofMillis(100),
        Duration.ofMillis(350),
        maxAttempts,
        d -> {
          pauses.add(d);
          return true;
        });
  }

  @Test
  void shouldRetryServerAndNetworkErrorsWithDoublingCappedBackoff() throws Exception {
    statuses.addAll(List.of(500, 0, 503, 429));

    boolean written = writer(0).write("m v=1i 0\n");

    assertThat(written).isTrue();
    assertThat(attempts).isEqualTo(5);
    assertThat(pauses)
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(350),
            Duration.ofMillis(350));
  }

  @Test
  void shouldNotRetryClientErrors() {
    statuses.addAll(List.of(400));

    assertThatThrownBy(() -> writer(0).write("bad\n"))
        .isInstanceOfSatisfying(
            InfluxWriteException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).isEqualTo("body 400");
              assertThat(e.retryable()).isFalse();
            });
    assertThat(attempts).isEqualTo(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void shouldGiveUpAfterMaxAttempts() {
    statuses.addAll(List.of(502, 502, 502, 502));

    assertThatThrownBy(() -> writer(3).write("m v=1i 0\n"))
        .isInstanceOf(InfluxWriteException.class)
        .hasMessageContaining("502");
    assertThat(attempts).isEqualTo(3);
  }

  @Test
  void shouldReturnFalseWhenStoppedDuringBackoff() throws Exception {
    statuses.addAll(List.of(503, 503));
    RetryingLineWriter stopping =
        new RetryingLineWriter(
            scripted, Duration.ofMillis(10), Duration.ofMillis(10), 0, d -> false);

    assertThat(stopping.write("m v=1i 0\n")).isFalse();
    assertThat(attempts).isEqualTo(1);
  }
}
