package io.tickwatch.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.inhibit.Inhibitor;
import io.tickwatch.alerting.model.LabelMatcher;
import io.tickwatch.alerting.silence.Silence;
import io.tickwatch.alerting.silence.Silencer;
import io.tickwatch.alerting.testing.Anomalies;
import io.tickwatch.alerting.testing.MutableClock;
import io.tickwatch.alerting.testing.RecordingListener;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.AlertTransitionKind;
import io.tickwatch.avro.Severity;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven lifecycle scenarios on an injected clock. A script is a list of steps {@code
 * <second> <action>}; actions: {@code anomaly} (active WARNING), {@code critical} (active
 * CRITICAL), {@code recover}, {@code eval}, {@code ack}. Each row states the final state and the
 * sequence of state changes the history must show.
 */
class AlertLifecycleTest {
  private static final String HOST = "host-1";
  private static final String METRIC = "tick.duration";
  private static final String FP = Anomalies.fingerprint(HOST, METRIC);
  private static final long T0 = 1_700_000_000_000L;

  /** for 30 s, keep-firing 20 s, stale after 60 s, flap 4 changes per 10 min, keep 1 h. */
  private static final LifecycleConfig CONFIG =
      new LifecycleConfig(
          Duration.ofSeconds(30),
          Duration.ofSeconds(20),
          Duration.ofSeconds(60),
          Duration.ofMinutes(10),
          4,
          Duration.ofHours(1));

  static Stream<Arguments> scenarios() {
    return Stream.of(
        row("a single anomaly stays pending before 'for'", "0 anomaly; 29 eval", "PENDING", ""),
        row(
            "for elapsed fires",
            "0 anomaly; 10 anomaly; 30 eval",
            "FIRING",
            "null>PENDING PENDING>FIRING"),
        row(
            "recovery before 'for' resolves without firing",
            "0 anomaly; 10 recover",
            "RESOLVED",
            "null>PENDING PENDING>RESOLVED"),
        row(
            "recovery keeps firing for keep-firing",
            "0 anomaly; 30 eval; 40 recover; 59 eval",
            "FIRING",
            "null>PENDING PENDING>FIRING"),
        row(
            "keep-firing elapsed resolves",
            "0 anomaly; 30 eval; 40 recover; 60 eval",
            "RESOLVED",
            "null>PENDING PENDING>FIRING FIRING>RESOLVED"),
        row(
            "an anomaly during keep-firing cancels the resolve",
            "0 anomaly; 30 eval; 40 recover; 50 anomaly; 70 eval",
            "FIRING",
            "null>PENDING PENDING>FIRING"),
        row(
            "staleness counts as cleared, then keep-firing",
            "0 anomaly; 30 eval; 30 anomaly; 110 eval",
            "RESOLVED",
            "null>PENDING PENDING>FIRING FIRING>RESOLVED"),
        row(
            "stale pending resolves",
            "0 anomaly; 60 eval",
            "RESOLVED",
            "null>PENDING PENDING>RESOLVED"),
        row(
            "a new anomaly after resolve opens a new episode",
            "0 anomaly; 30 eval; 40 recover; 60 eval; 100 anomaly",
            "PENDING",
            "null>PENDING PENDING>FIRING FIRING>RESOLVED RESOLVED>PENDING"),
        row("recovery of an unknown alert is ignored", "0 recover; 10 eval", "absent", ""));
  }

  private static Arguments row(String name, String script, String state, String changes) {
    return Arguments.of(name, script, state, changes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void shouldFollowTheLifecycle(String name, String script, String state, String changes) {
    Fixture f = new Fixture(CONFIG);
    f.run(script);

    String actual = f.engine.alert(FP).map(a -> a.getState().name()).orElse("absent");
    assertThat(actual).as(name).isEqualTo(state);
    if (!changes.isEmpty()) {
      assertThat(String.join(" ", f.stateChanges(FP))).as(name).isEqualTo(changes);
    }
  }

  @Test
  void shouldKeepAnOnsetOnlyAlertFiringUntilItsRecoveryWhenStalenessIsOff() {
    Fixture f =
        new Fixture(
            new LifecycleConfig(
                Duration.ofSeconds(30),
                Duration.ofSeconds(20),
                Duration.ZERO,
                Duration.ofMinutes(10),
                4,
                Duration.ofHours(1)));
    f.run("0 anomaly; 30 eval; 86400 eval");
    assertThat(f.engine.alert(FP).orElseThrow().getState()).isEqualTo(AlertState.FIRING);

    f.run("86410 recover; 86430 eval");
    assertThat(f.engine.alert(FP).orElseThrow().getState()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void shouldStampResolvedAlertWithEndAndRemoveItAfterRetention() {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO).withKeepFiring(Duration.ZERO));
    f.run("0 anomaly; 5 recover");

    Alert resolved = f.engine.alert(FP).orElseThrow();
    assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.getEndsAtMillis().toEpochMilli()).isEqualTo(T0 + 5_000);

    f.run("3605 eval");
    assertThat(f.engine.alert(FP)).isEmpty();
    assertThat(f.listener.removed).containsExactly(FP);
  }

  @Test
  void shouldRaiseSeverityButNeverLowerIt() {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO));
    f.run("0 anomaly; 1 critical; 2 anomaly");

    Alert alert = f.engine.alert(FP).orElseThrow();
    assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.getLabels()).containsEntry("severity", "critical");
    assertThat(f.listener.kinds(FP)).containsOnlyOnce(AlertTransitionKind.SEVERITY_CHANGE);
  }

  static Stream<Arguments> flapScenarios() {
    return Stream.of(
        // each cycle: anomaly fires at once (for 0), recover resolves at once (keep-firing 0)
        Arguments.of("one cycle is not flapping", 1, false),
        Arguments.of("two cycles (4 changes) reach the threshold", 2, true),
        Arguments.of("five cycles flap", 5, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flapScenarios")
  void shouldDetectFlapping(String name, int cycles, boolean flapping) {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO).withKeepFiring(Duration.ZERO));
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < cycles; i++) {
      script.append(i * 20).append(" anomaly; ").append(i * 20 + 10).append(" recover; ");
    }
    f.run(script.toString());

    assertThat(f.engine.alert(FP).orElseThrow().getFlapping()).as(name).isEqualTo(flapping);
    assertThat(f.listener.kinds(FP).contains(AlertTransitionKind.FLAPPING_STARTED))
        .isEqualTo(flapping);
  }

  @Test
  void shouldStopFlappingOnceTheWindowEmpties() {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO).withKeepFiring(Duration.ZERO));
    f.run("0 anomaly; 10 recover; 20 anomaly; 30 recover");
    assertThat(f.engine.alert(FP).orElseThrow().getFlapping()).isTrue();

    f.run("631 eval");

    assertThat(f.engine.alert(FP).orElseThrow().getFlapping()).isFalse();
    assertThat(f.listener.kinds(FP)).endsWith(AlertTransitionKind.FLAPPING_STOPPED);
  }

  @Test
  void shouldAcknowledgeOnlyOpenAlertsAndClearTheAckOnANewEpisode() {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO).withKeepFiring(Duration.ZERO));
    assertThat(f.engine.acknowledge(FP, "alice", "looking")).isFalse();

    f.run("0 anomaly");
    f.clock.set(T0 + 5_000);
    assertThat(f.engine.acknowledge(FP, "alice", "looking")).isTrue();

    Alert acked = f.engine.alert(FP).orElseThrow();
    assertThat(acked.getAcknowledgement().getAcknowledgedBy()).isEqualTo("alice");
    assertThat(acked.getAcknowledgement().getAcknowledgedAtMillis().toEpochMilli())
        .isEqualTo(T0 + 5_000);
    AlertTransition ack = f.listener.transitions.get(f.listener.transitions.size() - 1);
    assertThat(ack.getKind()).isEqualTo(AlertTransitionKind.ACKNOWLEDGED);
    assertThat(ack.getActor()).isEqualTo("alice");

    f.run("10 recover");
    assertThat(f.engine.acknowledge(FP, "bob", "")).isFalse();
    f.run("20 anomaly");
    assertThat(f.engine.alert(FP).orElseThrow().getAcknowledgement()).isNull();
  }

  static Stream<Arguments> silenceScenarios() {
    return Stream.of(
        Arguments.of("host=host-1", 0, 100, true),
        Arguments.of("host!=host-1", 0, 100, false),
        Arguments.of("host=~host-[0-9]+", 0, 100, true),
        Arguments.of("host=~host", 0, 100, false), // anchored
        Arguments.of("host!~web-.*", 0, 100, true),
        Arguments.of("metric=tick.duration", 50, 100, false), // not started yet at t=10
        Arguments.of("metric=tick.duration", 0, 5, false)); // expired at t=10
  }

  @ParameterizedTest(name = "{0} [{1}s, {2}s)")
  @MethodSource("silenceScenarios")
  void shouldSilenceMatchingAlertsWhileTheSilenceIsActive(
      String matcher, int startSecond, int endSecond, boolean silenced) {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO));
    f.silencer.add(
        new Silence(
            "s1",
            List.of(LabelMatcher.parse(matcher)),
            T0 + startSecond * 1000L,
            T0 + endSecond * 1000L,
            "alice",
            ""));

    f.run("0 anomaly; 10 eval");

    assertThat(f.engine.alert(FP).orElseThrow().getSilencedBy())
        .isEqualTo(silenced ? List.of("s1") : List.of());
  }

  @Test
  void shouldUnsilenceWhenTheSilenceExpires() {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO));
    f.silencer.add(
        new Silence("s1", List.of(LabelMatcher.equal("host", HOST)), T0, T0 + 60_000, "a", ""));
    f.run("0 anomaly; 30 eval");
    assertThat(f.engine.alert(FP).orElseThrow().getSilencedBy()).containsExactly("s1");

    f.run("50 anomaly; 60 eval");

    assertThat(f.engine.alert(FP).orElseThrow().getSilencedBy()).isEmpty();
    assertThat(f.listener.kinds(FP))
        .containsSubsequence(AlertTransitionKind.SILENCED, AlertTransitionKind.UNSILENCED);
  }

  static Stream<Arguments> inhibitionScenarios() {
    return Stream.of(
        // source host, source severity, source firing?, target host, inhibited?
        Arguments.of("host-1", Severity.CRITICAL, true, "host-1", true),
        Arguments.of("host-1", Severity.EMERGENCY, true, "host-1", true),
        Arguments.of("host-2", Severity.CRITICAL, true, "host-1", false),
        Arguments.of("host-1", Severity.WARNING, true, "host-1", false),
        Arguments.of("host-1", Severity.CRITICAL, false, "host-1", false));
  }

  @ParameterizedTest(name = "{1} on {0} (firing={2}) vs warning on {3}")
  @MethodSource("inhibitionScenarios")
  void shouldInhibitWarningsOfTheSameHostWhileACriticalAlertFires(
      String sourceHost, Severity severity, boolean firing, String targetHost, boolean inhibited) {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ofSeconds(30)));
    f.clock.set(T0);
    f.engine.ingest(Anomalies.active(targetHost, "heap.used.bytes", Severity.WARNING, T0));
    f.engine.ingest(Anomalies.active(sourceHost, METRIC, severity, T0));
    if (firing) {
      f.clock.set(T0 + 30_000);
      f.engine.ingest(Anomalies.active(targetHost, "heap.used.bytes", Severity.WARNING, T0));
      f.engine.ingest(Anomalies.active(sourceHost, METRIC, severity, T0));
    }
    f.engine.evaluate();

    Alert target =
        f.engine.alert(Anomalies.fingerprint(targetHost, "heap.used.bytes")).orElseThrow();
    assertThat(target.getInhibitedBy())
        .isEqualTo(inhibited ? List.of(Anomalies.fingerprint(sourceHost, METRIC)) : List.of());
  }

  @Test
  void shouldLiftInhibitionWhenTheSourceResolves() {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO).withKeepFiring(Duration.ZERO));
    f.engine.ingest(Anomalies.active(HOST, "heap.used.bytes", Severity.WARNING, T0));
    f.engine.ingest(Anomalies.active(HOST, METRIC, Severity.CRITICAL, T0));
    f.engine.evaluate();
    String target = Anomalies.fingerprint(HOST, "heap.used.bytes");
    assertThat(f.engine.alert(target).orElseThrow().getInhibitedBy()).containsExactly(FP);

    f.engine.ingest(Anomalies.recovered(HOST, METRIC, T0));
    f.engine.evaluate();

    assertThat(f.engine.alert(target).orElseThrow().getInhibitedBy()).isEmpty();
    assertThat(f.listener.kinds(target))
        .containsSubsequence(AlertTransitionKind.INHIBITED, AlertTransitionKind.UNINHIBITED);
  }

  @Test
  void shouldMuteANewAlertAtIngestSoNothingSeesItUnmuted() {
    Fixture f = new Fixture(CONFIG.withFor(Duration.ZERO));
    f.silencer.add(
        new Silence("s1", List.of(LabelMatcher.equal("host", HOST)), T0, T0 + 60_000, "a", ""));

    f.engine.ingest(Anomalies.active(HOST, METRIC, Severity.WARNING, T0));

    assertThat(f.listener.alerts)
        .filteredOn(a -> a.getState() == AlertState.FIRING)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.getSilencedBy()).containsExactly("s1"));
  }

  @Test
  void shouldContinueFromRestoredStateWithoutANewEpisode() {
    Fixture first = new Fixture(CONFIG.withFor(Duration.ZERO));
    first.run("0 anomaly");
    Alert firing = first.engine.alert(FP).orElseThrow();

    Fixture second = new Fixture(CONFIG.withFor(Duration.ZERO));
    second.engine.restore(firing, 7);
    second.run("5 anomaly");

    Alert alert = second.engine.alert(FP).orElseThrow();
    assertThat(alert.getState()).isEqualTo(AlertState.FIRING);
    assertThat(alert.getStartsAtMillis()).isEqualTo(firing.getStartsAtMillis());
    assertThat(second.listener.transitions).isEmpty();
  }

  /** Engine, clock, silences and listener of one scenario. */
  static final class Fixture {
    final MutableClock clock = new MutableClock(T0);
    final Silencer silencer = new Silencer();
    final RecordingListener listener = new RecordingListener();
    final AlertEngine engine;

    Fixture(LifecycleConfig config) {
      engine =
          new AlertEngine(
              config, clock, silencer, Inhibitor.sameHost(), listener, "http://127.0.0.1:8080");
    }

    void run(String script) {
      for (String step : script.split(";")) {
        String s = step.trim();
        if (s.isEmpty()) {
          continue;
        }
        String[] parts = s.split("\\s+");
        long at = T0 + Long.parseLong(parts[0]) * 1000L;
        clock.set(at);
        switch (parts[1]) {
          case "anomaly" -> engine.ingest(Anomalies.active(HOST, METRIC, Severity.WARNING, at));
          case "critical" -> engine.ingest(Anomalies.active(HOST, METRIC, Severity.CRITICAL, at));
          case "recover" -> engine.ingest(Anomalies.recovered(HOST, METRIC, at));
          case "eval" -> engine.evaluate();
          case "ack" -> engine.acknowledge(FP, "tester", "");
          default -> throw new IllegalArgumentException("unknown step " + s);
        }
      }
    }

    List<String> stateChanges(String fp) {
      return listener.transitions.stream()
          .filter(t -> t.getFingerprint().equals(fp))
          .filter(t -> t.getKind() == AlertTransitionKind.STATE_CHANGE)
          .map(t -> t.getFromState() + ">" + t.getToState())
          .toList();
    }
  }
}
