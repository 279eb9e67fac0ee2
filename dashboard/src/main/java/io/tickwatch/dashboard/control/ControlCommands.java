package io.tickwatch.dashboard.control;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.avro.StartProfiling;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Builds operator commands with their validation; messages are the 400 answers. */
public final class ControlCommands {

  /** Commands expire after this long when no agent picked them up. */
  public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

  private final InstantSource clock;

  public ControlCommands(InstantSource clock) {
    this.clock = clock;
  }

  /**
   * A StartProfiling command.
   *
   * @param durationMillis in [1000, 600000]
   * @param samplingIntervalMillis in [1, 1000]
   * @param alertFingerprintOrNull the alert the operator acts on, if any
   * @throws IllegalArgumentException on out-of-range values
   */
  public ControlCommand startProfiling(
      String hostId,
      long durationMillis,
      int samplingIntervalMillis,
      String user,
      String alertFingerprintOrNull) {
    requireHost(hostId);
    if (durationMillis < 1000 || durationMillis > 600_000) {
      throw new IllegalArgumentException("durationMillis must be in [1000, 600000]");
    }
    if (samplingIntervalMillis < 1 || samplingIntervalMillis > 1000) {
      throw new IllegalArgumentException("samplingIntervalMillis must be in [1, 1000]");
    }
    StartProfiling payload =
        StartProfiling.newBuilder()
            .setProfileId("prof-" + UUID.randomUUID())
            .setDurationMillis(durationMillis)
            .setSamplingIntervalMillis(samplingIntervalMillis)
            .setRecordAllocations(false)
            .setRecordLocks(false)
            .build();
    return command(
        hostId, user, "profiling requested from the dashboard", alertFingerprintOrNull, payload);
  }

  /**
   * A ShedLoad command.
   *
   * @param fraction in (0, 1]
   * @param alertFingerprintOrNull the alert the operator acts on, if any
   * @throws IllegalArgumentException on out-of-range values
   */
  public ControlCommand shedLoad(
      String hostId, double fraction, String user, String alertFingerprintOrNull) {
    requireHost(hostId);
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1]");
    }
    ShedLoad payload = ShedLoad.newBuilder().setFraction(fraction).build();
    return command(
        hostId,
        user,
        "load shedding requested from the dashboard",
        alertFingerprintOrNull,
        payload);
  }

  private ControlCommand command(
      String hostId,
      String user,
      String reason,
      String alertFingerprintOrNull,
      SpecificRecord payload) {
    Instant now = clock.instant();
    return ControlCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setTargetHostId(hostId)
        .setIssuedAtMillis(now)
        .setExpiresAtMillis(now.plus(TIME_TO_LIVE))
        .setIssuer("dashboard:" + user)
        .setReason(reason)
        .setAlertFingerprint(alertFingerprintOrNull)
        .setDryRun(false)
        .setPayloadType(payload.getSchema().getName())
        .setPayload(payload)
        .build();
  }

  private static void requireHost(String hostId) {
    if (hostId == null || hostId.isBlank()) {
      throw new IllegalArgumentException("field 'hostId' is required");
    }
    if (hostId.length() > 200) {
      throw new IllegalArgumentException("field 'hostId' is too long");
    }
  }
}
