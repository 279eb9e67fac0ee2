package io.tickwatch.alerting.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.alerting.notify.HttpNotifierContractTest;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.Secret;
import io.tickwatch.alerting.testing.TestReceiver;
import io.tickwatch.avro.AlertState;
import java.util.List;

class SlackNotifierTest extends HttpNotifierContractTest {
  private static final String TOKEN_PATH = "/services/T000/B000/XXXXSECRETXXXX";

  @Override
  protected Notifier notifier() {
    return new SlackNotifier(RECEIVER, Secret.of(receiver.url(TOKEN_PATH).toString()), poster);
  }

  @Override
  protected List<String> secrets() {
    return List.of("XXXXSECRETXXXX");
  }

  @Override
  protected String expectedPath() {
    return TOKEN_PATH;
  }

  @Override
  protected void assertBody(JsonNode body, TestReceiver.Request request, Notification n) {
    String prefix = n.status() == AlertState.FIRING ? "[FIRING:1" : "[RESOLVED:1";
    assertThat(body.get("text").asText()).startsWith(prefix);
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("title_link").asText()).isEqualTo(n.dashboardUrl());
    assertThat(attachment.get("text").asText())
        .contains("tick.duration on host-1 is slow")
        .contains("Dashboard: http://127.0.0.1:8080/?host=host-1");
    assertThat(attachment.get("color").asText())
        .isEqualTo(
            n.status() == AlertState.RESOLVED ? "good" : n.acknowledged() ? "warning" : "danger");
  }
}
