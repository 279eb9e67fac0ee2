package io.tickwatch.producer.profile;

import java.util.concurrent.CompletableFuture;

/**
 * What {@link ProfilerManager#start} did.
 *
 * @param status started or why not
 * @param profileId the request's profile id
 * @param samplingIntervalMillis interval the session started with (the guard may have doubled the
 *     requested one); 0 when not started
 * @param message one human-readable sentence
 * @param report completes with the report when the session ends (also when Kafka is down: the
 *     report is then in the spool); null when not started
 */
public record ProfileStart(
    Status status,
    String profileId,
    int samplingIntervalMillis,
    String message,
    CompletableFuture<ProfileReport> report) {

  /** Outcome of a start request. */
  public enum Status {
    /** The session runs. */
    STARTED,
    /** {@link ProfilerManager#MAX_CONCURRENT_SESSIONS} sessions already run. */
    REFUSED_LIMIT,
    /** Measured overhead is above {@link OverheadGuard#REFUSE_ABOVE_PERCENT}. */
    REFUSED_OVERHEAD,
    /** A session with this profile id already runs. */
    REFUSED_DUPLICATE,
    /** The profiler is closed or JFR is not available in this JVM. */
    UNAVAILABLE
  }

  /** Whether the session runs. */
  public boolean started() {
    return status == Status.STARTED;
  }

  static ProfileStart refused(Status status, String profileId, String message) {
    return new ProfileStart(status, profileId, 0, message, null);
  }
}
