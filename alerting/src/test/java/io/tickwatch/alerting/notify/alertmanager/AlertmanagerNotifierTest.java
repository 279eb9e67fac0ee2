package io.tickwatch.alerting.notify.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.alerting.notify.HttpNotifierContractTest;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.testing.TestReceiver;
import io.tickwatch.avro.AlertState;

class AlertmanagerNotifierTest extends HttpNotifierContractTest {
  @Override
  protected Notifier notifier() {
    return new AlertmanagerNotifier(RECEIVER, receiver.baseUrl(), poster);
  }

  @Override
  protected String expectedPath() {
    return "/api/v2/alerts";
  }

  @Override
  protected void assertBody(JsonNode body, TestReceiver.Request request, Notification n) {
    assertThat(body.isArray()).isTrue();
    JsonNode alert = body.get(0);
    assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("tick.duration:zscore");
    assertThat(alert.get("labels").get("host").asText()).isEqualTo("host-1");
    assertThat(alert.get("startsAt").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(alert.get("generatorURL").asText()).isEqualTo("http://127.0.0.1:8080/?host=host-1");
    if (n.status() == AlertState.RESOLVED) {
      assertThat(alert.get("endsAt").asText()).isEqualTo("2023-11-14T22:14:20Z");
    } else {
      assertThat(alert.has("endsAt")).isFalse();
    }
  }
}
