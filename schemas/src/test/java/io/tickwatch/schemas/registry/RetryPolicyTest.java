package io.tickwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void shouldDoubleTheBackoffUpToTheMaximum() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));

    assertThat(policy.backoffBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffBeforeRetry(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoffBeforeRetry(4)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoffBeforeRetry(60)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldRejectInconsistentSettings() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
