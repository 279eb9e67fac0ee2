package io.tickwatch.producer.profile;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.StartProfiling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one profiling session records. Build with {@link #builder()} or from a {@code
 * StartProfiling} control command with {@link #fromCommand}.
 *
 * @param profileId id of the report on {@code tickwatch.profiles}
 * @param durationMillis session length, 1 ms to {@value #MAX_DURATION_MILLIS} ms
 * @param samplingIntervalMillis JFR execution-sample period, 1 to {@value #MAX_INTERVAL_MILLIS} ms
 * @param slowTickBudgetMicros when positive, keep only samples taken during ticks longer than this
 *     budget; 0 keeps every sample
 * @param threadFilter regular expression a thread name must match (whole name), or null
 * @param packageFilter package prefix some frame of a kept stack must start with, or null
 * @param recordAllocations also record allocation samples (allocation hot spots)
 * @param recordLocks also record contended monitor enters
 * @param baselineProfileId id of an earlier report of this agent to diff against, or null
 * @param baselineFile collapsed-stacks file to diff against, or null
 * @param commandId control command that asked for the session, or null (local API)
 * @param alertFingerprint alert that triggered the session, or null
 */
public record ProfileRequest(
    String profileId,
    long durationMillis,
    int samplingIntervalMillis,
    long slowTickBudgetMicros,
    String threadFilter,
    String packageFilter,
    boolean recordAllocations,
    boolean recordLocks,
    String baselineProfileId,
    Path baselineFile,
    String commandId,
    String alertFingerprint) {

  /** Longest session: one hour. */
  public static final long MAX_DURATION_MILLIS = 3_600_000L;

  /** Longest sampling interval (also the overhead guard's ceiling when it backs off). */
  public static final int MAX_INTERVAL_MILLIS = 1000;

  /** JFR's default execution-sample period and ours. */
  public static final int DEFAULT_INTERVAL_MILLIS = 20;

  /** Validates every field and reports all problems at once. */
  public ProfileRequest {
    List<String> problems = new ArrayList<>();
    if (profileId == null || profileId.isBlank()) {
      problems.add("profileId must not be blank");
    }
    if (durationMillis < 1 || durationMillis > MAX_DURATION_MILLIS) {
      problems.add("durationMillis must be in [1, " + MAX_DURATION_MILLIS + "]");
    }
    if (samplingIntervalMillis < 1 || samplingIntervalMillis > MAX_INTERVAL_MILLIS) {
      problems.add("samplingIntervalMillis must be in [1, " + MAX_INTERVAL_MILLIS + "]");
    }
    if (slowTickBudgetMicros < 0) {
      problems.add("slowTickBudgetMicros must not be negative");
    }
    if (threadFilter != null) {
      try {
        Pattern.compile(threadFilter);
      } catch (PatternSyntaxException e) {
        problems.add("threadFilter is not a regular expression: " + e.getDescription());
      }
    }
    if (packageFilter != null && packageFilter.isBlank()) {
      packageFilter = null;
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid profile request: " + String.join("; ", problems));
    }
  }

  /** Whether only samples of slow ticks are kept. */
  public boolean slowTicksOnly() {
    return slowTickBudgetMicros > 0;
  }

  /** The request a {@code StartProfiling} command carries (ids copied from the command). */
  public static ProfileRequest fromCommand(ControlCommand command) {
    StartProfiling start = (StartProfiling) command.getPayload();
    return builder()
        .profileId(start.getProfileId())
        .durationMillis(start.getDurationMillis())
        .samplingIntervalMillis(start.getSamplingIntervalMillis())
        .slowTickBudgetMicros(
            start.getSlowTickBudgetMicros() == null ? 0 : start.getSlowTickBudgetMicros())
        .threadFilter(start.getThreadFilter())
        .packageFilter(start.getPackageFilter())
        .recordAllocations(start.getRecordAllocations())
        .recordLocks(start.getRecordLocks())
        .commandId(command.getCommandId())
        .alertFingerprint(command.getAlertFingerprint())
        .build();
  }

  /** A builder with a random profile id, 30 s at the default 20 ms interval. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds requests; not thread-safe. */
  public static final class Builder {
    private String profileId = UUID.randomUUID().toString();
    private long durationMillis = 30_000;
    private int samplingIntervalMillis = DEFAULT_INTERVAL_MILLIS;
    private long slowTickBudgetMicros;
    private String threadFilter;
    private String packageFilter;
    private boolean recordAllocations;
    private boolean recordLocks;
    private String baselineProfileId;
    private Path baselineFile;
    private String commandId;
    private String alertFingerprint;

    private Builder() {}

    /** Report id; default a random UUID. */
    public Builder profileId(String value) {
      profileId = value;
      return this;
    }

    /** Session length; default 30 s. */
    public Builder durationMillis(long value) {
      durationMillis = value;
      return this;
    }

    /** Sampling interval; default 20 ms. */
    public Builder samplingIntervalMillis(int value) {
      samplingIntervalMillis = value;
      return this;
    }

    /** Keep only samples of ticks longer than this; 0 (default) keeps all. */
    public Builder slowTickBudgetMicros(long value) {
      slowTickBudgetMicros = value;
      return this;
    }

    /** Thread-name regular expression; default none. */
    public Builder threadFilter(String value) {
      threadFilter = value;
      return this;
    }

    /** Package prefix a stack must contain; default none. */
    public Builder packageFilter(String value) {
      packageFilter = value;
      return this;
    }

    /** Record allocation samples; default false. */
    public Builder recordAllocations(boolean value) {
      recordAllocations = value;
      return this;
    }

    /** Record contended monitor enters; default false. */
    public Builder recordLocks(boolean value) {
      recordLocks = value;
      return this;
    }

    /** Diff against an earlier report of this agent. */
    public Builder baselineProfileId(String value) {
      baselineProfileId = value;
      return this;
    }

    /** Diff against a collapsed-stacks file. */
    public Builder baselineFile(Path value) {
      baselineFile = value;
      return this;
    }

    /** Control command id (set by the control handler). */
    public Builder commandId(String value) {
      commandId = value;
      return this;
    }

    /** Triggering alert (set by the control handler). */
    public Builder alertFingerprint(String value) {
      alertFingerprint = value;
      return this;
    }

    /**
     * The validated request.
     *
     * @throws IllegalArgumentException listing every problem
     */
    public ProfileRequest build() {
      return new ProfileRequest(
          profileId,
          durationMillis,
          samplingIntervalMillis,
          slowTickBudgetMicros,
          threadFilter,
          packageFilter,
          recordAllocations,
          recordLocks,
          baselineProfileId,
          baselineFile,
          commandId,
          alertFingerprint);
    }
  }
}
