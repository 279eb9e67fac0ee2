package io.tickwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.notify.webhook.WebhookNotifier;
import io.tickwatch.alerting.testing.Notifications;
import io.tickwatch.alerting.testing.TestReceiver;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry stage against a real receiver; waits are recorded by an injected sleeper instead of
 * slept. Backoff 1 s doubling, capped at 10 s, 4 attempts.
 */
class RetryingNotifierTest {
  private TestReceiver receiver;
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() {
    receiver = new TestReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  static Stream<Arguments> scripts() {
    return Stream.of(
        // responses ("hang" = no answer), outcome, requests made, waits in seconds
        Arguments.of(List.of("200"), "DELIVERED", 1, List.of()),
        Arguments.of(List.of("429:7", "200"), "DELIVERED", 2, List.of(7L)),
        Arguments.of(List.of("429:3600", "200"), "DELIVERED", 2, List.of(10L)),
        Arguments.of(List.of("500", "502", "200"), "DELIVERED", 3, List.of(1L, 2L)),
        Arguments.of(List.of("hang", "200"), "DELIVERED", 2, List.of(1L)),
        Arguments.of(List.of("400"), "REJECTED", 1, List.of()),
        Arguments.of(List.of("500", "404"), "REJECTED", 2, List.of(1L)),
        Arguments.of(List.of("503", "503", "503", "503"), "RETRYABLE", 4, List.of(1L, 2L, 4L)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("scripts")
  void shouldRetryOnlyWhatIsWorthRetrying(
      List<String> responses, String outcome, int requests, List<Long> waitsSeconds)
      throws Exception {
    for (String r : responses) {
      if (r.equals("hang")) {
        receiver.hang();
      } else if (r.contains(":")) {
        String[] p = r.split(":");
        receiver.respond(Integer.parseInt(p[0]), p[1]);
      } else {
        receiver.respond(Integer.parseInt(r));
      }
    }
    Notifier webhook =
        new WebhookNotifier(
            "team",
            Secret.of(receiver.url("/hook").toString()),
            Secret.of("k"),
            new HttpJsonPoster(Duration.ofMillis(500), InstantSource.system()),
            InstantSource.system());
    Notifier retrying =
        new RetryingNotifier(
            webhook, 4, Duration.ofSeconds(1), Duration.ofSeconds(10), sleeps::add);

    DeliveryResult result = retrying.deliver(Notifications.firing("team"));

    assertThat(result.outcome().name()).isEqualTo(outcome);
    assertThat(receiver.requests()).hasSize(requests);
    assertThat(sleeps)
        .containsExactlyElementsOf(waitsSeconds.stream().map(Duration::ofSeconds).toList());
    // the same notification every time: a receiver can drop duplicates by key
    assertThat(
            receiver.requests().stream()
                .map(r -> r.header(WebhookNotifier.NOTIFICATION_HEADER))
                .distinct())
        .hasSize(1);
  }

  @Test
  void shouldTreatAnExceptionOfTheDelegateAsRetryable() throws Exception {
    int[] calls = {0};
    Notifier flaky =
        new Notifier() {
          @Override
          public String name() {
            return "flaky";
          }

          @Override
          public DeliveryResult deliver(Notification n) {
            if (calls[0]++ == 0) {
              throw new IllegalStateException("boom");
            }
            return DeliveryResult.delivered(200);
          }
        };
    DeliveryResult result =
        new RetryingNotifier(flaky, 3, Duration.ofSeconds(1), Duration.ofSeconds(5), sleeps::add)
            .deliver(Notifications.firing("flaky"));
    assertThat(result.delivered()).isTrue();
    assertThat(calls[0]).isEqualTo(2);
  }
}
