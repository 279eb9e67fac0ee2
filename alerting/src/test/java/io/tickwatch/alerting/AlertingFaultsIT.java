package io.tickwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.testing.AlertingStack;
import io.tickwatch.alerting.testing.Anomalies;
import io.tickwatch.alerting.testing.Await;
import io.tickwatch.alerting.testing.PagerDutyReceiver;
import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 5: the alerting service against a PagerDuty-style receiver that de-duplicates by
 * {@code dedup_key} ({@link PagerDutyReceiver}), on a real KRaft broker.
 *
 * <ul>
 *   <li>The service stops after the receiver accepted a trigger but before the service learned it
 *       (the answer is held back, the attempt times out, the service is closed with the delivery
 *       unrecorded, as a crash between notifying and committing leaves it). The restarted service
 *       sends the trigger again (at the next group interval) with the same dedup key: exactly one
 *       incident is open, and the recovery resolves it.
 *   <li>A storm of 429 (with and without Retry-After) and 5xx answers, longer than the retry
 *       stage's attempts, for many alert groups at once: what the retries give up is sent again at
 *       the next group interval, and every group ends with exactly one open incident.
 * </ul>
 *
 * The existing {@code AlertingServiceIT} covers a graceful restart mid-incident and re-delivery of
 * what a 503 left undelivered; this class does not repeat them.
 */
class AlertingFaultsIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private AlertingStack stack;
  private PagerDutyReceiver pagerDuty;

  /** A broker per test: the services restore alerts from the shared topics otherwise. */
  @BeforeEach
  void startKafka() {
    stack = AlertingStack.start();
  }

  @AfterEach
  void stopKafka() {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void startReceiver() {
    pagerDuty = new PagerDutyReceiver();
  }

  @AfterEach
  void stopReceiver() {
    pagerDuty.close();
  }

  private AlertingConfig config(
      String groupId, int maxAttempts, String timeout, String groupInterval) {
    Map<String, String> m = new HashMap<>();
    m.put("bootstrap.servers", stack.bootstrapServers());
    m.put("schema.registry.url", stack.registryUrl());
    m.put("alerting.group.id", groupId);
    m.put("alerting.http.port", "0");
    m.put("alerting.tick", "100ms");
    m.put("alerting.keep-firing", "0s");
    m.put("alerting.group-wait", "200ms");
    m.put("alerting.group-interval", groupInterval);
    m.put("alerting.receivers", "pd");
    m.put("alerting.receiver.pd.type", "pagerduty");
    m.put("alerting.receiver.pd.url", pagerDuty.eventsUrl().toString());
    m.put("alerting.receiver.pd.routing-key", "it-routing-key");
    m.put("alerting.receiver.pd.max-attempts", Integer.toString(maxAttempts));
    m.put("alerting.receiver.pd.timeout", timeout);
    m.put("alerting.receiver.pd.rate-per-minute", "6000");
    m.put("alerting.receiver.pd.burst", "50");
    return AlertingConfig.fromMap(m);
  }

  private void send(AnomalyEvent event) {
    stack.send(event);
  }

  @Test
  void shouldLeaveExactlyOneOpenIncidentWhenStoppedBetweenNotifyingAndRecordingIt() {
    AlertingConfig config = config("alerting-faults-crash", 1, "1s", "3s");
    pagerDuty.swallow();
    try (AlertingService first = AlertingService.create(config).start()) {
      send(Anomalies.active("crash-host", "tick.duration", Severity.CRITICAL, 1_000));
      Await.until(
          "the trigger accepted by the receiver", WAIT, () -> pagerDuty.incidentsOpened() == 1);
      // the service never hears back: its only attempt times out and it stops with the delivery
      // unrecorded, like a crash between notifying and committing
    }
    pagerDuty.releaseSwallowed();
    assertThat(pagerDuty.openIncidents()).hasSize(1);
    String dedupKey = pagerDuty.openIncidents().get(0);

    try (AlertingService second = AlertingService.create(config).start()) {
      Await.until(
          "the trigger sent again after the restart",
          WAIT,
          () ->
              pagerDuty.events().stream()
                      .filter(e -> e.action().equals("trigger") && e.status() == 202)
                      .count()
                  == 1);
      assertThat(pagerDuty.openIncidents()).containsExactly(dedupKey);
      assertThat(pagerDuty.incidentsOpened()).isEqualTo(1);

      send(Anomalies.recovered("crash-host", "tick.duration", 2_000));
      Await.until("the resolve", WAIT, () -> pagerDuty.openIncidents().isEmpty());
    }
    List<PagerDutyReceiver.Event> events = pagerDuty.events();
    assertThat(events).extracting(PagerDutyReceiver.Event::dedupKey).containsOnly(dedupKey);
    assertThat(events)
        .extracting(PagerDutyReceiver.Event::action)
        .containsExactly("trigger", "trigger", "resolve");
    assertThat(pagerDuty.incidentsOpened()).isEqualTo(1);
  }

  @Test
  void shouldAbsorbAStormOf429And5xxAndOpenEveryIncidentOnce() {
    int hosts = 12;
    for (int i = 0; i < 30; i++) {
      switch (i % 4) {
        case 0 -> pagerDuty.fail(429, "1");
        case 1 -> pagerDuty.fail(503, null);
        case 2 -> pagerDuty.fail(500, null);
        default -> pagerDuty.fail(429, null);
      }
    }
    try (AlertingService service =
        AlertingService.create(config("alerting-faults-storm", 4, "5s", "2s")).start()) {
      for (int h = 0; h < hosts; h++) {
        send(Anomalies.active("storm-host-" + h, "tick.duration", Severity.CRITICAL, 1_000));
      }
      Await.until("an incident per host", WAIT, () -> pagerDuty.openIncidents().size() == hosts);
      Await.until(
          "every delivery recorded",
          WAIT,
          () ->
              service.alerts().stream()
                      .filter(a -> a.getHostId() != null && a.getHostId().startsWith("storm-host-"))
                      .filter(a -> a.getNotificationCount() >= 1)
                      .count()
                  == hosts);
    }
    Map<Integer, Long> statuses =
        pagerDuty.events().stream()
            .collect(Collectors.groupingBy(PagerDutyReceiver.Event::status, Collectors.counting()));
    assertThat(statuses).containsEntry(429, 15L).containsEntry(503, 8L).containsEntry(500, 7L);
    assertThat(statuses.get(202)).as("accepted triggers").isGreaterThanOrEqualTo((long) hosts);
    assertThat(pagerDuty.incidentsOpened()).isEqualTo(hosts);
    assertThat(pagerDuty.events())
        .extracting(PagerDutyReceiver.Event::action)
        .containsOnly("trigger");
  }
}
