package io.tickwatch.producer.profile;

import io.tickwatch.avro.StopProfiling;
import io.tickwatch.producer.control.ControlHandler;

/**
 * The control handlers of {@code StartProfiling} and {@code StopProfiling} commands. A start that
 * the profiler refuses (session limit, overhead, duplicate id) throws, so the dispatcher logs it
 * and reports {@code HANDLER_FAILED}; the command id and alert fingerprint are copied into the
 * report's chunks.
 */
public final class ProfilingControlHandlers {
  private ProfilingControlHandlers() {}

  /** Handles {@code StartProfiling}. */
  public static ControlHandler start(ProfilerManager profiler) {
    return command -> {
      ProfileStart result = profiler.start(ProfileRequest.fromCommand(command));
      if (!result.started()) {
        throw new ProfilingRefusedException(
            "profile "
                + result.profileId()
                + " refused ("
                + result.status()
                + "): "
                + result.message());
      }
    };
  }

  /** Handles {@code StopProfiling}: one session, or all when the profile id is null. */
  public static ControlHandler stop(ProfilerManager profiler) {
    return command -> {
      StopProfiling stop = (StopProfiling) command.getPayload();
      if (stop.getProfileId() == null) {
        profiler.stopAll();
      } else {
        profiler.stop(stop.getProfileId());
      }
    };
  }

  /** A start request the profiler refused. */
  public static final class ProfilingRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ProfilingRefusedException(String message) {
      super(message);
    }
  }
}
