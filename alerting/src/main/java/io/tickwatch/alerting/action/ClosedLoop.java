package io.tickwatch.alerting.action;

import io.tickwatch.alerting.lifecycle.AlertChangeListener;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.ActionKind;
import io.tickwatch.avro.ActionOutcome;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.RestoreLoad;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.avro.StartProfiling;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed-loop actions, driven by alert changes (it is an {@link AlertChangeListener}): when an
 * unmuted alert is FIRING with a score at or above the threshold, start a profiling session on its
 * host and shed a fraction of the host's load; when that alert resolves, restore the load
 * (automatic rollback). Per host and kind a cooldown applies, and a global hourly rate limit; held
 * back actions are audited SUPPRESSED, dry-run ones DRY_RUN, publishing errors FAILED. Every
 * decision is audited. One action set per alert episode.
 *
 * <p>Not thread-safe: runs on the engine's thread. {@link #restore(ActionAudit)} replays the audit
 * topic on start, so cooldowns, the rate limit and pending rollbacks survive a restart.
 */
public final class ClosedLoop implements AlertChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ClosedLoop.class);
  private static final String ACTOR = "alerting";
  private static final long HOUR_MILLIS = 3_600_000L;

  private final ActionConfig config;
  private final ActionSink sink;
  private final InstantSource clock;
  private final Supplier<String> ids;

  /** fingerprint → startsAt of the episode already acted on. */
  private final Map<String, Long> actedEpisodes = new HashMap<>();

  /** fingerprint → actionId of a SHED_LOAD not yet rolled back. */
  private final Map<String, String> openSheds = new LinkedHashMap<>();

  /** host/kind → time of the last issued (or dry-run) action. */
  private final Map<String, Long> lastAction = new HashMap<>();

  private final Deque<Long> recentActions = new ArrayDeque<>();

  public ClosedLoop(
      ActionConfig config, ActionSink sink, InstantSource clock, Supplier<String> ids) {
    this.config = Objects.requireNonNull(config, "config");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** Replays one audit entry read back from {@code tickwatch.actions}. */
  public void restore(ActionAudit audit) {
    long at = audit.getAtMillis().toEpochMilli();
    boolean acted =
        audit.getOutcome() == ActionOutcome.ISSUED || audit.getOutcome() == ActionOutcome.DRY_RUN;
    if (!acted) {
      return;
    }
    lastAction.merge(audit.getHostId() + "/" + audit.getAction(), at, Math::max);
    recentActions.addLast(at);
    String fp = audit.getAlertFingerprint();
    if (fp == null) {
      return;
    }
    if (audit.getAction() == ActionKind.SHED_LOAD) {
      openSheds.put(fp, audit.getActionId());
      actedEpisodes.put(fp, Long.MIN_VALUE);
    } else if (audit.getAction() == ActionKind.RESTORE_LOAD) {
      openSheds.remove(fp);
    } else if (audit.getAction() == ActionKind.START_PROFILING) {
      actedEpisodes.put(fp, Long.MIN_VALUE);
    }
  }

  @Override
  public void onAlert(Alert alert) {
    if (!config.enabled()) {
      return;
    }
    String fp = alert.getFingerprint();
    long episode = alert.getStartsAtMillis().toEpochMilli();
    if (alert.getState() == AlertState.FIRING
        && alert.getScore() >= config.scoreThreshold()
        && alert.getSilencedBy().isEmpty()
        && alert.getInhibitedBy().isEmpty()) {
      Long acted = actedEpisodes.get(fp);
      // Long.MIN_VALUE: acted before a restart, in whatever episode is open now
      if (acted == null || (acted != episode && acted != Long.MIN_VALUE)) {
        actedEpisodes.put(fp, episode);
        act(alert);
      }
    } else if (alert.getState() == AlertState.RESOLVED) {
      actedEpisodes.remove(fp);
      String shed = openSheds.remove(fp);
      if (shed != null) {
        rollback(alert, shed);
      }
    }
  }

  @Override
  public void onRemoved(String fingerprint) {}

  @Override
  public void onTransition(AlertTransition transition) {}

  private void act(Alert alert) {
    String reason =
        String.format(
            Locale.ROOT,
            "score %.2f >= %.2f on %s",
            alert.getScore(),
            config.scoreThreshold(),
            alert.getLabels().getOrDefault("alertname", alert.getFingerprint()));
    String profileId = ids.get();
    Map<String, String> profileParams = new LinkedHashMap<>();
    profileParams.put("profileId", profileId);
    profileParams.put("durationMillis", Long.toString(config.profileDuration().toMillis()));
    profileParams.put("samplingIntervalMillis", Integer.toString(config.samplingIntervalMillis()));
    decide(
        alert,
        ActionKind.START_PROFILING,
        StartProfiling.newBuilder()
            .setProfileId(profileId)
            .setDurationMillis(config.profileDuration().toMillis())
            .setSamplingIntervalMillis(config.samplingIntervalMillis())
            .build(),
        reason,
        null,
        profileParams);
    String shedId =
        decide(
            alert,
            ActionKind.SHED_LOAD,
            ShedLoad.newBuilder().setFraction(config.shedFraction()).build(),
            reason,
            null,
            Map.of("fraction", Double.toString(config.shedFraction())));
    if (shedId != null) {
      openSheds.put(alert.getFingerprint(), shedId);
    }
  }

  private void rollback(Alert alert, String shedActionId) {
    // a rollback is never held back by cooldown or rate limit
    issue(
        alert,
        ActionKind.RESTORE_LOAD,
        RestoreLoad.newBuilder().build(),
        "alert resolved: undo load shedding",
        shedActionId,
        Map.of());
  }

  /** Applies cooldown and rate limit, then issues; returns the action id when acted. */
  private String decide(
      Alert alert,
      ActionKind kind,
      SpecificRecord payload,
      String reason,
      String rollbackOf,
      Map<String, String> params) {
    long now = clock.millis();
    while (!recentActions.isEmpty() && recentActions.peekFirst() <= now - HOUR_MILLIS) {
      recentActions.removeFirst();
    }
    Long last = lastAction.get(alert.getHostId() + "/" + kind);
    if (last != null && now - last < config.cooldown().toMillis()) {
      audit(
          ids.get(),
          kind,
          ActionOutcome.SUPPRESSED,
          alert,
          null,
          rollbackOf,
          reason,
          "cooldown " + config.cooldown() + ", last action " + (now - last) / 1000 + " s ago",
          params);
      return null;
    }
    if (recentActions.size() >= config.maxActionsPerHour()) {
      audit(
          ids.get(),
          kind,
          ActionOutcome.SUPPRESSED,
          alert,
          null,
          rollbackOf,
          reason,
          "rate limit " + config.maxActionsPerHour() + " actions per hour reached",
          params);
      return null;
    }
    return issue(alert, kind, payload, reason, rollbackOf, params);
  }

  private String issue(
      Alert alert,
      ActionKind kind,
      SpecificRecord payload,
      String reason,
      String rollbackOf,
      Map<String, String> params) {
    long now = clock.millis();
    String actionId = ids.get();
    String commandId = ids.get();
    ControlCommand command =
        ControlCommand.newBuilder()
            .setCommandId(commandId)
            .setTargetHostId(alert.getHostId())
            .setIssuedAtMillis(Instant.ofEpochMilli(now))
            .setExpiresAtMillis(Instant.ofEpochMilli(now + config.commandTtl().toMillis()))
            .setIssuer(ACTOR)
            .setReason(reason)
            .setAlertFingerprint(alert.getFingerprint())
            .setDryRun(config.dryRun())
            .setPayloadType(payload.getSchema().getName())
            .setPayload(payload)
            .build();
    try {
      sink.publish(command);
    } catch (Exception e) {
      LOG.warn("closed loop: {} for {} not published: {}", kind, alert.getHostId(), e.toString());
      audit(
          actionId,
          kind,
          ActionOutcome.FAILED,
          alert,
          commandId,
          rollbackOf,
          reason,
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          params);
      return null;
    }
    lastAction.put(alert.getHostId() + "/" + kind, now);
    recentActions.addLast(now);
    audit(
        actionId,
        kind,
        config.dryRun() ? ActionOutcome.DRY_RUN : ActionOutcome.ISSUED,
        alert,
        commandId,
        rollbackOf,
        reason,
        config.dryRun() ? "dry run: the agent only logs it" : "",
        params);
    return actionId;
  }

  private void audit(
      String actionId,
      ActionKind kind,
      ActionOutcome outcome,
      Alert alert,
      String commandId,
      String rollbackOf,
      String reason,
      String detail,
      Map<String, String> params) {
    sink.audit(
        ActionAudit.newBuilder()
            .setActionId(actionId)
            .setAction(kind)
            .setOutcome(outcome)
            .setHostId(alert.getHostId())
            .setAlertFingerprint(alert.getFingerprint())
            .setSeverity(alert.getSeverity())
            .setCommandId(commandId)
            .setRollbackOfActionId(rollbackOf)
            .setAtMillis(Instant.ofEpochMilli(clock.millis()))
            .setActor(ACTOR)
            .setReason(reason)
            .setDetail(detail)
            .setParameters(new LinkedHashMap<>(params))
            .build());
  }
}
