package io.tickwatch.alerting.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.alerting.notify.HttpNotifierContractTest;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.Secret;
import io.tickwatch.alerting.testing.MutableClock;
import io.tickwatch.alerting.testing.TestReceiver;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest extends HttpNotifierContractTest {
  private static final String HMAC_KEY = "hmac-k3y-do-not-log";
  private static final long NOW_MILLIS = 1_700_000_123_456L;

  @Override
  protected Notifier notifier() {
    return new WebhookNotifier(
        RECEIVER,
        Secret.of(receiver.url("/hook?token=tok3n-secret").toString()),
        Secret.of(HMAC_KEY),
        poster,
        new MutableClock(NOW_MILLIS));
  }

  @Override
  protected List<String> secrets() {
    return List.of(HMAC_KEY, "tok3n-secret");
  }

  @Override
  protected String expectedPath() {
    return "/hook";
  }

  @Override
  protected void assertBody(JsonNode body, TestReceiver.Request request, Notification n) {
    String timestamp = request.header(WebhookSignature.TIMESTAMP_HEADER);
    assertThat(timestamp).isEqualTo("1700000123");
    assertThat(
            WebhookSignature.verify(
                HMAC_KEY,
                Long.parseLong(timestamp),
                request.body(),
                request.header(WebhookSignature.SIGNATURE_HEADER)))
        .isTrue();
    assertThat(request.header(WebhookNotifier.DEDUP_HEADER)).isEqualTo(n.dedupKey());
    assertThat(request.header(WebhookNotifier.NOTIFICATION_HEADER)).isEqualTo(n.notificationKey());
    assertThat(body.get("status").asText()).isEqualTo(n.status().name().toLowerCase());
    assertThat(body.get("alerts").get(0).get("fingerprint").asText()).isEqualTo("fp-host-1");
    assertThat(body.get("externalURL").asText()).isEqualTo(n.dashboardUrl());
  }

  @Test
  void shouldRejectATamperedBodyOrWrongKey() {
    String signature = WebhookSignature.sign(HMAC_KEY, 100, "{\"a\":1}");
    assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
    assertThat(WebhookSignature.verify(HMAC_KEY, 100, "{\"a\":1}", signature)).isTrue();
    assertThat(WebhookSignature.verify(HMAC_KEY, 100, "{\"a\":2}", signature)).isFalse();
    assertThat(WebhookSignature.verify(HMAC_KEY, 101, "{\"a\":1}", signature)).isFalse();
    assertThat(WebhookSignature.verify("other", 100, "{\"a\":1}", signature)).isFalse();
  }
}
