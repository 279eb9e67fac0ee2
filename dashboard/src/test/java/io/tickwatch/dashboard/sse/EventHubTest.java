package io.tickwatch.dashboard.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub with manual flushes (no flush thread started). */
class EventHubTest {

  private final EventHub hub = new EventHub(Duration.ofMillis(100), Duration.ofHours(1), 2, 3);

  @AfterEach
  void close() {
    hub.close();
  }

  /** Collects writes; can be told to block (a client that stopped reading). */
  static class RecordingSink implements SseSink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean closed = new AtomicBoolean();
    volatile boolean block;
    volatile int writes;

    @Override
    public void write(byte[] data) throws IOException {
      if (block) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("gone");
      }
      synchronized (bytes) {
        bytes.write(data);
      }
      writes++;
    }

    @Override
    public void close() {
      closed.set(true);
      release.countDown();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    io.tickwatch.dashboard.Await.until(what, condition);
  }

  @Test
  void shouldSendEventsInOrderAfterTheGreeting() {
    RecordingSink sink = new RecordingSink();
    assertThat(hub.subscribe(sink)).isTrue();
    hub.publish("alert", "{\"n\":1}");
    hub.publish("profile", "{\"n\":2}");
    hub.flush();
    await("two events", () -> sink.text().contains("{\"n\":2}"));
    assertThat(sink.text())
        .isEqualTo(
            "retry: 2000\n: connected\n\n"
                + "event: alert\ndata: {\"n\":1}\n\n"
                + "event: profile\ndata: {\"n\":2}\n\n");
  }

  @Test
  void shouldCoalesceUpdatesOfTheSameKeyBetweenFlushes() {
    RecordingSink sink = new RecordingSink();
    hub.subscribe(sink);
    hub.publishCoalesced("s|h/m|1s|1000", "stats", "{\"mean\":1}");
    hub.publishCoalesced("s|h/m|1s|2000", "stats", "{\"mean\":5}");
    hub.publishCoalesced("s|h/m|1s|1000", "stats", "{\"mean\":2}");
    hub.flush();
    await("events", () -> sink.text().contains("\"mean\":5"));
    String text = sink.text();
    assertThat(text).doesNotContain("\"mean\":1}").contains("\"mean\":2}");
    assertThat(text.indexOf("\"mean\":2")).isLessThan(text.indexOf("\"mean\":5"));
    assertThat(hub.eventsPublished()).isEqualTo(3);
  }

  @Test
  void shouldDropASlowClientWithoutDelayingTheOthers() {
    RecordingSink slow = new RecordingSink();
    slow.block = true;
    RecordingSink fast = new RecordingSink();
    hub.subscribe(slow);
    hub.subscribe(fast);
    for (int i = 0; i < 5; i++) {
      String event = "{\"i\":" + i + "}";
      hub.publish("alert", event);
      hub.flush();
      await("the fast client got " + event, () -> fast.text().contains(event));
    }
    await("the slow client was dropped", () -> slow.closed.get());
    assertThat(hub.clientsDropped()).isEqualTo(1);
    await("one client left", () -> hub.clients() == 1);
  }

  @Test
  void shouldRefuseClientsBeyondTheLimit() {
    assertThat(hub.subscribe(new RecordingSink())).isTrue();
    assertThat(hub.subscribe(new RecordingSink())).isTrue();
    assertThat(hub.subscribe(new RecordingSink())).isTrue();
    assertThat(hub.subscribe(new RecordingSink())).isFalse();
  }

  @Test
  void shouldSendAHeartbeatWhenIdle() {
    EventHub eager = new EventHub(Duration.ofMillis(100), Duration.ZERO, 4, 10);
    try {
      RecordingSink sink = new RecordingSink();
      eager.subscribe(sink);
      eager.flush();
      await("heartbeat", () -> sink.text().contains(": heartbeat\n\n"));
    } finally {
      eager.close();
    }
  }

  @Test
  void shouldRemoveAClientWhoseConnectionFailed() throws Exception {
    RecordingSink broken =
        new RecordingSink() {
          @Override
          public void write(byte[] data) throws IOException {
            throw new IOException("reset by peer");
          }
        };
    hub.subscribe(broken);
    await("client removed", () -> hub.clients() == 0);
    assertThat(broken.closed).isTrue();
    assertThat(hub.clientsDropped()).isZero();
  }
}
