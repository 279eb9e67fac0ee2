package io.tickwatch.alerting.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.alerting.testing.MutableClock;
import io.tickwatch.alerting.testing.Notifications;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.Severity;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.avro.StartProfiling;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {
  private final MutableClock clock = new MutableClock(Notifications.T0);
  private final List<ControlCommand> commands = new ArrayList<>();
  private final List<ActionAudit> audits = new ArrayList<>();
  private final AtomicInteger nextId = new AtomicInteger();
  private boolean failPublish;

  private final ActionSink sink =
      new ActionSink() {
        @Override
        public void publish(ControlCommand command) {
          if (failPublish) {
            throw new IllegalStateException("broker down");
          }
          commands.add(command);
        }

        @Override
        public void audit(ActionAudit audit) {
          audits.add(audit);
        }
      };

  private ClosedLoop loop(ActionConfig config) {
    return new ClosedLoop(config, sink, clock, () -> "id-" + nextId.incrementAndGet());
  }

  private static Alert alert(String host, AlertState state, double score, long startsAt) {
    return Alert.newBuilder(Notifications.alert(host, Severity.EMERGENCY, state))
        .setFingerprint("fp-" + host)
        .setScore(score)
        .setStartsAtMillis(Instant.ofEpochMilli(startsAt))
        .build();
  }

  private List<String> audited() {
    return audits.stream()
        .map(a -> a.getHostId() + " " + a.getAction() + " " + a.getOutcome())
        .toList();
  }

  @Test
  void shouldProfileAndShedLoadOnTheAffectedHostThenRollBackOnResolve() {
    ClosedLoop loop = loop(ActionConfig.defaults());

    loop.onAlert(alert("host-7", AlertState.FIRING, 0.95, 1));
    loop.onAlert(alert("host-7", AlertState.FIRING, 0.97, 1)); // same episode: nothing new

    assertThat(commands).hasSize(2).allMatch(c -> c.getTargetHostId().equals("host-7"));
    StartProfiling profiling = (StartProfiling) commands.get(0).getPayload();
    assertThat(profiling.getDurationMillis()).isEqualTo(30_000);
    assertThat(profiling.getSamplingIntervalMillis()).isEqualTo(10);
    assertThat(commands.get(0).getPayloadType()).isEqualTo("StartProfiling");
    assertThat(((ShedLoad) commands.get(1).getPayload()).getFraction()).isEqualTo(0.3);
    assertThat(commands.get(1).getExpiresAtMillis())
        .isEqualTo(Instant.ofEpochMilli(Notifications.T0 + 60_000));
    assertThat(commands).noneMatch(ControlCommand::getDryRun);

    loop.onAlert(alert("host-7", AlertState.RESOLVED, 0.97, 1));

    assertThat(commands).hasSize(3);
    assertThat(commands.get(2).getPayloadType()).isEqualTo("RestoreLoad");
    assertThat(audited())
        .containsExactly(
            "host-7 START_PROFILING ISSUED",
            "host-7 SHED_LOAD ISSUED",
            "host-7 RESTORE_LOAD ISSUED");
    assertThat(audits.get(2).getRollbackOfActionId()).isEqualTo(audits.get(1).getActionId());
    assertThat(audits.get(1).getCommandId()).isEqualTo(commands.get(1).getCommandId());
    assertThat(audits.get(0).getReason()).contains("score 0.95 >= 0.90");
  }

  @Test
  void shouldIgnoreLowScoresPendingAndMutedAlerts() {
    ClosedLoop loop = loop(ActionConfig.defaults());
    loop.onAlert(alert("h1", AlertState.FIRING, 0.89, 1));
    loop.onAlert(alert("h2", AlertState.PENDING, 0.99, 1));
    loop.onAlert(
        Alert.newBuilder(alert("h3", AlertState.FIRING, 0.99, 1))
            .setSilencedBy(List.of("s"))
            .build());
    assertThat(commands).isEmpty();
    assertThat(audits).isEmpty();
  }

  @Test
  void shouldOnlyMarkCommandsInDryRun() {
    ClosedLoop loop = loop(ActionConfig.defaults().withDryRun(true));
    loop.onAlert(alert("h1", AlertState.FIRING, 0.99, 1));
    assertThat(commands).hasSize(2).allMatch(ControlCommand::getDryRun);
    assertThat(audited()).containsExactly("h1 START_PROFILING DRY_RUN", "h1 SHED_LOAD DRY_RUN");
  }

  @Test
  void shouldHoldBackActionsWithinTheCooldownAndAboveTheRateLimit() {
    ClosedLoop loop = loop(ActionConfig.defaults().withLimits(Duration.ofMinutes(5), 4));
    loop.onAlert(alert("h1", AlertState.FIRING, 0.99, 1));
    clock.advance(Duration.ofMinutes(1));
    Alert other =
        Alert.newBuilder(alert("h1", AlertState.FIRING, 0.99, 2))
            .setFingerprint("fp-other")
            .build();
    loop.onAlert(other); // same host within 5 min
    loop.onAlert(alert("h2", AlertState.FIRING, 0.99, 1)); // 2 more: rate limit 4 reached
    loop.onAlert(alert("h3", AlertState.FIRING, 0.99, 1));

    assertThat(audited())
        .containsExactly(
            "h1 START_PROFILING ISSUED",
            "h1 SHED_LOAD ISSUED",
            "h1 START_PROFILING SUPPRESSED",
            "h1 SHED_LOAD SUPPRESSED",
            "h2 START_PROFILING ISSUED",
            "h2 SHED_LOAD ISSUED",
            "h3 START_PROFILING SUPPRESSED",
            "h3 SHED_LOAD SUPPRESSED");
    assertThat(audits.get(2).getDetail()).startsWith("cooldown PT5M, last action 60 s ago");
    assertThat(audits.get(6).getDetail()).contains("rate limit 4");
    assertThat(commands).hasSize(4);

    loop.onAlert(Alert.newBuilder(other).setState(AlertState.RESOLVED).build());
    assertThat(commands).hasSize(4); // nothing was shed for it: nothing to roll back
  }

  @Test
  void shouldAuditAFailedPublishAndNotRollBackWhatNeverHappened() {
    ClosedLoop loop = loop(ActionConfig.defaults());
    failPublish = true;
    loop.onAlert(alert("h1", AlertState.FIRING, 0.99, 1));
    failPublish = false;
    loop.onAlert(alert("h1", AlertState.RESOLVED, 0.99, 1));
    assertThat(audited()).containsExactly("h1 START_PROFILING FAILED", "h1 SHED_LOAD FAILED");
    assertThat(audits.get(0).getDetail()).contains("broker down");
  }

  @Test
  void shouldNeitherRepeatNorForgetTheRollbackAfterARestart() {
    ClosedLoop before = loop(ActionConfig.defaults());
    before.onAlert(alert("h1", AlertState.FIRING, 0.99, 1));
    List<ActionAudit> persisted = List.copyOf(audits);
    commands.clear();
    audits.clear();

    ClosedLoop after = loop(ActionConfig.defaults());
    persisted.forEach(after::restore);
    after.onAlert(alert("h1", AlertState.FIRING, 0.99, 1));
    assertThat(commands).isEmpty();

    after.onAlert(alert("h1", AlertState.RESOLVED, 0.99, 1));
    assertThat(commands)
        .singleElement()
        .satisfies(c -> assertThat(c.getPayloadType()).isEqualTo("RestoreLoad"));
    assertThat(audits.get(0).getRollbackOfActionId()).isEqualTo(persisted.get(1).getActionId());
  }
}
