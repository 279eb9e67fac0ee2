package io.tickwatch.dashboard.control;

import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.ActionKind;
import io.tickwatch.avro.ActionOutcome;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.avro.StartProfiling;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The audit entry ({@code tickwatch.actions}) of an operator's command. */
public final class ActionAudits {

  private ActionAudits() {}

  /**
   * The entry recording that {@code command} was issued ({@code ISSUED}) or could not be ({@code
   * FAILED}, with the error in {@code detail}).
   */
  public static ActionAudit of(ControlCommand command, boolean issued, String detail) {
    Map<String, String> parameters = new LinkedHashMap<>();
    ActionKind kind;
    if (command.getPayload() instanceof StartProfiling p) {
      kind = ActionKind.START_PROFILING;
      parameters.put("profileId", p.getProfileId());
      parameters.put("durationMillis", Long.toString(p.getDurationMillis()));
      parameters.put("samplingIntervalMillis", Integer.toString(p.getSamplingIntervalMillis()));
    } else if (command.getPayload() instanceof ShedLoad s) {
      kind = ActionKind.SHED_LOAD;
      parameters.put("fraction", Double.toString(s.getFraction()));
    } else {
      throw new IllegalArgumentException("no audit kind for " + command.getPayloadType());
    }
    return ActionAudit.newBuilder()
        .setActionId(UUID.randomUUID().toString())
        .setAction(kind)
        .setOutcome(issued ? ActionOutcome.ISSUED : ActionOutcome.FAILED)
        .setHostId(command.getTargetHostId())
        .setAlertFingerprint(command.getAlertFingerprint())
        .setSeverity(null)
        .setCommandId(command.getCommandId())
        .setRollbackOfActionId(null)
        .setAtMillis(command.getIssuedAtMillis())
        .setActor(command.getIssuer())
        .setReason(command.getReason())
        .setDetail(detail)
        .setParameters(parameters)
        .build();
  }
}
