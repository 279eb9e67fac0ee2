package io.tickwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.alerting.testing.Notifications;
import io.tickwatch.alerting.testing.TestReceiver;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP part of the contract, against a real receiver on an ephemeral port: the request is a
 * well-formed JSON POST to the right path; 2xx delivers; 429 (with Retry-After) and 5xx are
 * retryable; other 4xx are rejected; a receiver that never answers is retryable after the timeout.
 */
public abstract class HttpNotifierContractTest extends NotifierContractTest {
  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final Duration TIMEOUT = Duration.ofMillis(500);

  protected TestReceiver receiver;
  protected HttpJsonPoster poster;

  @BeforeEach
  void startReceiver() {
    receiver = new TestReceiver();
    poster = new HttpJsonPoster(TIMEOUT, InstantSource.system());
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  /** Path the integration posts to on the receiver. */
  protected abstract String expectedPath();

  /** Integration-specific checks of the body sent for a notification. */
  protected abstract void assertBody(
      JsonNode body, TestReceiver.Request request, Notification notification);

  @Override
  protected List<String> secrets() {
    return List.of();
  }

  @Test
  void shouldPostWellFormedJson() throws Exception {
    for (Notification n :
        List.of(
            Notifications.firing(RECEIVER),
            Notifications.acknowledged(RECEIVER),
            Notifications.resolved(RECEIVER))) {
      notifier().deliver(n);
      List<TestReceiver.Request> requests = receiver.requests();
      TestReceiver.Request request = requests.get(requests.size() - 1);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo(expectedPath());
      assertThat(request.header("Content-Type")).startsWith("application/json");
      assertBody(JSON.readTree(request.body()), request, n);
    }
  }

  @Test
  void shouldBeRetryableOn429WithTheRetryAfter() throws Exception {
    receiver.respond(429, "7");
    DeliveryResult result = notifier().deliver(Notifications.firing(RECEIVER));
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRYABLE);
    assertThat(result.statusCode()).isEqualTo(429);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void shouldBeRetryableOn5xx() throws Exception {
    receiver.respond(500).respond(503);
    assertThat(notifier().deliver(Notifications.firing(RECEIVER)).outcome())
        .isEqualTo(DeliveryResult.Outcome.RETRYABLE);
    assertThat(notifier().deliver(Notifications.firing(RECEIVER)).outcome())
        .isEqualTo(DeliveryResult.Outcome.RETRYABLE);
  }

  @Test
  void shouldRejectOtherClientErrors() throws Exception {
    receiver.respond(400).respond(404);
    DeliveryResult first = notifier().deliver(Notifications.firing(RECEIVER));
    DeliveryResult second = notifier().deliver(Notifications.firing(RECEIVER));
    assertThat(first.outcome()).isEqualTo(DeliveryResult.Outcome.REJECTED);
    assertThat(first.statusCode()).isEqualTo(400);
    assertThat(second.outcome()).isEqualTo(DeliveryResult.Outcome.REJECTED);
  }

  @Test
  void shouldBeRetryableWhenTheReceiverNeverAnswers() throws Exception {
    receiver.hang();
    DeliveryResult result = notifier().deliver(Notifications.firing(RECEIVER));
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRYABLE);
    assertThat(result.statusCode()).isZero();
  }

  @Test
  void shouldBeRetryableWhenNothingListens() throws Exception {
    receiver.close();
    DeliveryResult result = notifier().deliver(Notifications.firing(RECEIVER));
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRYABLE);
  }
}
