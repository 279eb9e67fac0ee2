package io.tickwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.testing.MutableClock;
import io.tickwatch.alerting.testing.Notifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitedNotifierTest {
  @Test
  void shouldLetTheBurstThroughThenWaitForTokens() throws Exception {
    MutableClock clock = new MutableClock(0);
    List<Duration> waits = new ArrayList<>();
    List<Long> deliveredAtMillis = new ArrayList<>();
    Notifier counting =
        new Notifier() {
          @Override
          public String name() {
            return "chat";
          }

          @Override
          public DeliveryResult deliver(Notification n) {
            deliveredAtMillis.add(clock.millis());
            return DeliveryResult.delivered(200);
          }
        };
    Sleeper advancing =
        d -> {
          waits.add(d);
          clock.advance(d);
        };
    // 6 per minute = one token per 10 s, burst 2
    Notifier limited = new RateLimitedNotifier(counting, 6, 2, clock, advancing);

    for (int i = 0; i < 4; i++) {
      limited.deliver(Notifications.firing("chat"));
    }

    assertThat(deliveredAtMillis).containsExactly(0L, 0L, 10_000L, 20_000L);
    assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
  }
}
