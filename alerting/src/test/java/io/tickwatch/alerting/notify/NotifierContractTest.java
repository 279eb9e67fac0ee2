package io.tickwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.testing.Notifications;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Notifier} promises: it delivers firing, acknowledged and resolved
 * notifications, keeps its name, and never shows a secret in {@code toString} or a result. Each
 * integration's test extends this (HTTP integrations through {@link HttpNotifierContractTest}).
 */
public abstract class NotifierContractTest {
  protected static final String RECEIVER = "team";

  /** A notifier named {@link #RECEIVER}, ready to deliver successfully. */
  protected abstract Notifier notifier() throws Exception;

  /** Raw secret values the notifier was configured with (may be empty). */
  protected abstract List<String> secrets();

  @Test
  void shouldDeliverFiringAcknowledgedAndResolvedNotifications() throws Exception {
    Notifier notifier = notifier();
    for (Notification n :
        List.of(
            Notifications.firing(RECEIVER),
            Notifications.acknowledged(RECEIVER),
            Notifications.resolved(RECEIVER))) {
      DeliveryResult result = notifier.deliver(n);
      assertThat(result.outcome())
          .as(n.status().name())
          .isEqualTo(DeliveryResult.Outcome.DELIVERED);
    }
  }

  @Test
  void shouldKeepItsName() throws Exception {
    assertThat(notifier().name()).isEqualTo(RECEIVER);
  }

  @Test
  void shouldNeverShowASecret() throws Exception {
    Notifier notifier = notifier();
    String shown = notifier + " " + notifier.deliver(Notifications.firing(RECEIVER));
    for (String secret : secrets()) {
      assertThat(shown).doesNotContain(secret);
    }
  }
}
