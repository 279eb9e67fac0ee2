package io.tickwatch.alerting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.dispatch.Dispatcher;
import io.tickwatch.alerting.dispatch.Route;
import io.tickwatch.alerting.inhibit.Inhibitor;
import io.tickwatch.alerting.lifecycle.AlertEngine;
import io.tickwatch.alerting.lifecycle.LifecycleConfig;
import io.tickwatch.alerting.model.LabelMatcher;
import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.silence.Silence;
import io.tickwatch.alerting.silence.Silencer;
import io.tickwatch.alerting.testing.Anomalies;
import io.tickwatch.alerting.testing.MutableClock;
import io.tickwatch.alerting.testing.RecordingListener;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grouping, timers, muting, flapping, acknowledgement and resolution as seen by the receivers. The
 * pipeline ticks every second of the script on an injected clock. Steps: {@code <second> <action>
 * <host> <metric>} with actions warn, crit, recover, ack; {@code <second> silence <host>} (one
 * hour). Expected notifications: {@code <second> <receivers> <status>[+ack]
 * <host/metric:state>...}.
 *
 * <p>Timers: group wait 10 s, group interval 60 s, repeat interval 600 s; for 0 s, keep-firing 0 s,
 * stale after 1 h; flapping at 4 state changes in 10 min. Group by host. Warnings go to {@code
 * chat}, critical and emergency to {@code pager} and {@code chat}.
 */
class NotificationScenarioTest {
  private static final long T0 = 1_700_000_000_000L;

  static Stream<Arguments> scenarios() {
    return Stream.of(
        row(
            "group wait collects alerts of one host into one notification",
            "0 warn h1 m1; 5 warn h1 m2; 8 warn h2 m1; 30 tick",
            "10 chat FIRING h1/m1:FIRING h1/m2:FIRING",
            "18 chat FIRING h2/m1:FIRING"),
        row(
            "an alert joining a notified group waits for the group interval",
            "0 warn h1 m1; 20 warn h1 m2; 100 tick",
            "10 chat FIRING h1/m1:FIRING",
            "70 chat FIRING h1/m1:FIRING h1/m2:FIRING"),
        row(
            "an unchanged group repeats after the repeat interval only",
            "0 warn h1 m1; 300 warn h1 m1; 700 warn h1 m1; 700 tick",
            "10 chat FIRING h1/m1:FIRING",
            "610 chat FIRING h1/m1:FIRING"),
        row(
            "a resolution is notified once",
            "0 warn h1 m1; 30 recover h1 m1; 400 tick",
            "10 chat FIRING h1/m1:FIRING",
            "70 chat RESOLVED h1/m1:RESOLVED"),
        row(
            "an alert resolved before group wait is never notified",
            "0 warn h1 m1; 5 recover h1 m1; 100 tick"),
        row(
            "critical alerts route to the pager too",
            "0 crit h1 m1; 30 tick",
            "10 pager,chat FIRING h1/m1:FIRING"),
        row(
            "acknowledgement is notified once and stops repeats",
            "0 warn h1 m1; 30 ack h1 m1; 1500 warn h1 m1; 1500 tick",
            "10 chat FIRING h1/m1:FIRING",
            "70 chat FIRING+ack h1/m1:FIRING"),
        row(
            "a silenced alert is not notified, nor is its resolution",
            "0 silence h1; 0 warn h1 m1; 30 recover h1 m1; 200 tick"),
        row(
            "an alert silenced after notification is not repeated",
            "0 warn h1 m1; 30 silence h1; 700 warn h1 m1; 700 tick",
            "10 chat FIRING h1/m1:FIRING"),
        row(
            "a critical alert inhibits warnings of its host",
            "0 crit h1 m1; 0 warn h1 m2; 0 warn h2 m2; 30 tick",
            "10 pager,chat FIRING h1/m1:FIRING",
            "10 chat FIRING h2/m2:FIRING"),
        row(
            "a flapping alert's notifications are held",
            "0 warn h1 m1; 20 recover h1 m1; 80 warn h1 m1; 82 recover h1 m1; 84 warn h1 m1;"
                + " 86 recover h1 m1; 88 warn h1 m1; 300 tick",
            "10 chat FIRING h1/m1:FIRING",
            "70 chat RESOLVED h1/m1:RESOLVED"));
  }

  private static Arguments row(String name, String script, String... expected) {
    return Arguments.of(name, script, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void shouldNotifyAsTheScenarioSays(String name, String script, List<String> expected) {
    Fixture f = new Fixture();
    f.run(script);
    assertThat(f.sent).as(name).containsExactlyElementsOf(expected);
  }

  @Test
  void shouldRetryAFailedDeliveryAtTheNextGroupIntervalAndMarkOnlyDeliveredOnes() {
    Fixture f = new Fixture();
    f.failing = true;
    f.run("0 warn h1 m1; 10 tick");
    assertThat(f.pipeline.engine().alerts().get(0).getLastNotifiedAtMillis()).isNull();

    f.failing = false;
    f.run("75 tick");

    assertThat(f.sent)
        .containsExactly("10 chat FIRING h1/m1:FIRING", "70 chat FIRING h1/m1:FIRING");
    Alert alert = f.pipeline.engine().alerts().get(0);
    assertThat(alert.getLastNotifiedAtMillis().toEpochMilli()).isEqualTo(T0 + 70_000);
    assertThat(alert.getNotificationCount()).isEqualTo(1);
  }

  @Test
  void shouldNeitherLoseNorRepeatANotificationAcrossARestart() {
    Fixture before = new Fixture();
    before.run("0 warn h1 m1; 3 warn h2 m1; 11 tick");
    assertThat(before.sent).containsExactly("10 chat FIRING h1/m1:FIRING");
    List<Alert> persisted = before.pipeline.engine().alerts();

    Fixture after = new Fixture();
    after.startAt(11);
    persisted.forEach(a -> after.pipeline.engine().restore(a, 100));
    after.run("12 warn h1 m1; 12 warn h2 m1; 40 tick");

    // h1 was delivered before the restart: not again; h2 was not: sent after a fresh group wait
    assertThat(after.sent).containsExactly("22 chat FIRING h2/m1:FIRING");
  }

  /** Pipeline with a recording, synchronous sender. */
  static final class Fixture {
    final MutableClock clock = new MutableClock(T0);
    final Silencer silencer = new Silencer();
    final List<String> sent = new ArrayList<>();
    final AlertPipeline pipeline;
    boolean failing;
    private long second;

    Fixture() {
      LifecycleConfig config =
          new LifecycleConfig(
              Duration.ZERO,
              Duration.ZERO,
              Duration.ofHours(1),
              Duration.ofMinutes(10),
              4,
              Duration.ofHours(1));
      AlertEngine engine =
          new AlertEngine(
              config,
              clock,
              silencer,
              Inhibitor.sameHost(),
              new RecordingListener(),
              "http://127.0.0.1:8080");
      Route root =
          Route.root(
              List.of("chat"),
              List.of("host"),
              Duration.ofSeconds(10),
              Duration.ofSeconds(60),
              Duration.ofSeconds(600));
      root =
          root.withChildren(
              List.of(
                  root.child(
                      "critical",
                      List.of(LabelMatcher.regex("severity", "critical|emergency")),
                      List.of("pager", "chat"))));
      Dispatcher dispatcher = new Dispatcher(root, clock, "http://127.0.0.1:8080");
      pipeline = new AlertPipeline(engine, dispatcher, this::send, n -> {});
    }

    private CompletableFuture<Map<String, DeliveryResult>> send(Notification n) {
      String alerts =
          n.alerts().stream()
              .map(a -> a.getHostId() + "/" + a.getLabels().get("metric") + ":" + a.getState())
              .sorted()
              .collect(Collectors.joining(" "));
      sent.add(
          (clock.millis() - T0) / 1000
              + " "
              + String.join(",", n.receivers())
              + " "
              + n.status()
              + (n.acknowledged() ? "+ack" : "")
              + " "
              + alerts);
      Map<String, DeliveryResult> results = new LinkedHashMap<>();
      for (String r : n.receivers()) {
        results.put(
            r,
            failing
                ? DeliveryResult.retryable(500, null, "HTTP 500")
                : DeliveryResult.delivered(200));
      }
      return CompletableFuture.completedFuture(results);
    }

    void run(String script) {
      for (String step : script.split(";")) {
        String[] p = step.trim().split("\\s+");
        long at = Long.parseLong(p[0]);
        advanceTo(at);
        switch (p[1]) {
          case "warn" ->
              pipeline.ingest(Anomalies.active(p[2], p[3], Severity.WARNING, clock.millis()));
          case "crit" ->
              pipeline.ingest(Anomalies.active(p[2], p[3], Severity.CRITICAL, clock.millis()));
          case "recover" -> pipeline.ingest(Anomalies.recovered(p[2], p[3], clock.millis()));
          case "ack" -> pipeline.acknowledge(Anomalies.fingerprint(p[2], p[3]), "alice", "mine");
          case "silence" ->
              silencer.add(
                  new Silence(
                      "s-" + p[2],
                      List.of(LabelMatcher.equal("host", p[2])),
                      clock.millis(),
                      clock.millis() + 3_600_000,
                      "alice",
                      ""));
          case "tick" -> {}
          default -> throw new IllegalArgumentException(step);
        }
        pipeline.tick();
      }
    }

    void startAt(long startSecond) {
      second = startSecond;
      clock.set(T0 + startSecond * 1000);
    }

    /** Ticks once per second up to {@code targetSecond}. */
    private void advanceTo(long targetSecond) {
      while (second < targetSecond) {
        second++;
        clock.set(T0 + second * 1000);
        pipeline.tick();
      }
      clock.set(T0 + targetSecond * 1000);
    }
  }
}
