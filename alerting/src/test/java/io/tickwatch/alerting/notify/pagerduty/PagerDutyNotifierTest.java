package io.tickwatch.alerting.notify.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.alerting.notify.HttpNotifierContractTest;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.Secret;
import io.tickwatch.alerting.testing.Notifications;
import io.tickwatch.alerting.testing.TestReceiver;
import io.tickwatch.avro.AlertState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagerDutyNotifierTest extends HttpNotifierContractTest {
  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdef012345";

  @Override
  protected Notifier notifier() {
    return new PagerDutyNotifier(
        RECEIVER, Secret.of(ROUTING_KEY), receiver.url("/v2/enqueue"), poster);
  }

  @Override
  protected List<String> secrets() {
    return List.of(ROUTING_KEY);
  }

  @Override
  protected String expectedPath() {
    return "/v2/enqueue";
  }

  @Override
  protected void assertBody(JsonNode body, TestReceiver.Request request, Notification n) {
    assertThat(body.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(body.get("dedup_key").asText()).isEqualTo(n.dedupKey());
    String action =
        n.status() == AlertState.RESOLVED
            ? "resolve"
            : n.acknowledged() ? "acknowledge" : "trigger";
    assertThat(body.get("event_action").asText()).isEqualTo(action);
    if (action.equals("trigger")) {
      JsonNode payload = body.get("payload");
      assertThat(payload.get("severity").asText()).isEqualTo("critical");
      assertThat(payload.get("source").asText()).isEqualTo("host-1");
      assertThat(payload.get("summary").asText()).startsWith("[FIRING:1]");
      assertThat(payload.get("timestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
      assertThat(body.get("links").get(0).get("href").asText()).isEqualTo(n.dashboardUrl());
    }
  }

  @Test
  void shouldUseOneDedupKeyForTriggerAcknowledgeAndResolveOfAGroup() {
    String trigger = Notifications.firing(RECEIVER).dedupKey();
    assertThat(Notifications.acknowledged(RECEIVER).dedupKey()).isEqualTo(trigger);
    assertThat(Notifications.resolved(RECEIVER).dedupKey()).isEqualTo(trigger);
    assertThat(trigger).hasSize(32);
  }
}
