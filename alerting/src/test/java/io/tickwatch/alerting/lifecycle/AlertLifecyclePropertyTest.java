package io.tickwatch.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.inhibit.Inhibitor;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/**
 * Invariants of the lifecycle under arbitrary interleavings of anomalies, recoveries, clock steps
 * and evaluations on three series of two hosts.
 */
class AlertLifecyclePropertyTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final Set<String> LEGAL =
      Set.of(
          "null>PENDING",
          "PENDING>FIRING",
          "PENDING>RESOLVED",
          "FIRING>RESOLVED",
          "RESOLVED>PENDING");

  /** (action 0..3, series 0..2, seconds to advance 0..40). */
  @Provide
  Arbitrary<List<Tuple3<Integer, Integer, Integer>>> steps() {
    return Arbitraries.integers()
        .between(0, 3)
        .flatMap(
            a ->
                Arbitraries.integers()
                    .between(0, 2)
                    .flatMap(
                        s -> Arbitraries.integers().between(0, 40).map(t -> Tuple.of(a, s, t))))
        .list()
        .ofMaxSize(200);
  }

  @Property(tries = 200)
  void shouldOnlyMakeLegalTransitionsAndKeepStateConsistent(
      @ForAll("steps") List<Tuple3<Integer, Integer, Integer>> steps) {
    MutableClock clock = new MutableClock(T0);
    RecordingListener listener = new RecordingListener();
    AlertEngine engine =
        new AlertEngine(
            new LifecycleConfig(
                Duration.ofSeconds(20),
                Duration.ofSeconds(15),
                Duration.ofSeconds(90),
                Duration.ofMinutes(5),
                4,
                Duration.ofMinutes(10)),
            clock,
            new Silencer(),
            Inhibitor.sameHost(),
            listener,
            "http://127.0.0.1:8080");
    String[][] series = {{"h1", "m1"}, {"h1", "m2"}, {"h2", "m1"}};
    for (Tuple3<Integer, Integer, Integer> step : steps) {
      clock.advance(Duration.ofSeconds(step.get3()));
      String[] s = series[step.get2()];
      switch (step.get1()) {
        case 0 -> engine.ingest(Anomalies.active(s[0], s[1], Severity.WARNING, clock.millis()));
        case 1 -> engine.ingest(Anomalies.active(s[0], s[1], Severity.CRITICAL, clock.millis()));
        case 2 -> engine.ingest(Anomalies.recovered(s[0], s[1], clock.millis()));
        default -> engine.evaluate();
      }
    }
    engine.evaluate();

    Map<String, Long> lastSequence = new HashMap<>();
    Map<String, AlertState> lastState = new HashMap<>();
    for (AlertTransition t : listener.transitions) {
      Long previous = lastSequence.put(t.getFingerprint(), t.getSequence());
      assertThat(t.getSequence()).isEqualTo(previous == null ? 0 : previous + 1);
      if (t.getKind() == AlertTransitionKind.STATE_CHANGE) {
        assertThat(LEGAL).contains(t.getFromState() + ">" + t.getToState());
        AlertState before = lastState.get(t.getFingerprint());
        if (t.getFromState() == null) {
          // a new alert, or a new one after the resolved alert was removed (retention)
          assertThat(before).isIn(null, AlertState.RESOLVED);
        } else {
          assertThat(t.getFromState()).isEqualTo(before);
        }
        lastState.put(t.getFingerprint(), t.getToState());
      }
    }
    for (Alert a : engine.alerts()) {
      assertThat(a.getState()).isEqualTo(lastState.get(a.getFingerprint()));
      assertThat(a.getEndsAtMillis() != null).isEqualTo(a.getState() == AlertState.RESOLVED);
      if (a.getState() == AlertState.RESOLVED) {
        assertThat(a.getInhibitedBy()).isEmpty();
      }
      if (!a.getInhibitedBy().isEmpty()) {
        assertThat(a.getSeverity()).isEqualTo(Severity.WARNING);
      }
    }
  }
}
