package io.tickwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.testing.Notifications;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReceiverFanOutTest {
  /** Blocks every delivery until released. */
  static final class StuckNotifier implements Notifier {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public String name() {
      return "stuck";
    }

    @Override
    public DeliveryResult deliver(Notification n) throws InterruptedException {
      entered.countDown();
      release.await();
      return DeliveryResult.delivered(200);
    }
  }

  static final class OkNotifier implements Notifier {
    @Override
    public String name() {
      return "ok";
    }

    @Override
    public DeliveryResult deliver(Notification n) {
      return DeliveryResult.delivered(200);
    }
  }

  @Test
  void shouldDeliverToAHealthyReceiverWhileAnotherIsStuck() throws Exception {
    StuckNotifier stuck = new StuckNotifier();
    try (ReceiverFanOut fanOut = new ReceiverFanOut(List.of(stuck, new OkNotifier()), 4)) {
      CompletableFuture<Map<String, DeliveryResult>> both =
          fanOut.send(Notifications.firing("x").withReceivers(List.of("stuck", "ok")));
      CompletableFuture<Map<String, DeliveryResult>> okOnly =
          fanOut.send(Notifications.firing("x").withReceivers(List.of("ok")));

      assertThat(okOnly.get(10, TimeUnit.SECONDS).get("ok").delivered()).isTrue();
      assertThat(stuck.entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(both).isNotDone();

      stuck.release.countDown();
      Map<String, DeliveryResult> results = both.get(10, TimeUnit.SECONDS);
      assertThat(results.get("stuck").delivered()).isTrue();
      assertThat(results.get("ok").delivered()).isTrue();
    }
  }

  @Test
  void shouldRejectAtOnceWhenAReceiversQueueIsFull() throws Exception {
    StuckNotifier stuck = new StuckNotifier();
    try (ReceiverFanOut fanOut = new ReceiverFanOut(List.of(stuck), 1)) {
      Notification n = Notifications.firing("x").withReceivers(List.of("stuck"));
      fanOut.send(n); // running
      assertThat(stuck.entered.await(10, TimeUnit.SECONDS)).isTrue();
      fanOut.send(n); // queued
      CompletableFuture<Map<String, DeliveryResult>> third = fanOut.send(n);

      DeliveryResult rejected = third.get(10, TimeUnit.SECONDS).get("stuck");
      assertThat(rejected.outcome()).isEqualTo(DeliveryResult.Outcome.REJECTED);
      assertThat(rejected.detail()).isEqualTo("queue full");
      stuck.release.countDown();
    }
  }

  @Test
  void shouldRejectAnUnknownReceiver() throws Exception {
    try (ReceiverFanOut fanOut = new ReceiverFanOut(List.of(new OkNotifier()), 1)) {
      Map<String, DeliveryResult> r =
          fanOut
              .send(Notifications.firing("x").withReceivers(List.of("nope")))
              .get(10, TimeUnit.SECONDS);
      assertThat(r.get("nope").outcome()).isEqualTo(DeliveryResult.Outcome.REJECTED);
    }
  }
}
