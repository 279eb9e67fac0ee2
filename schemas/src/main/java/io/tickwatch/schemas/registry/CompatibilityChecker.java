package io.tickwatch.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;

/**
 * Decides whether a candidate schema may follow the existing versions of a subject under a {@link
 * CompatibilityLevel}, using Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD reads each checked old version with the candidate as reader; FORWARD reads the
 * candidate with each checked old version as reader; FULL does both. The plain levels check only
 * the latest version, the {@code _TRANSITIVE} levels every version. Stateless and thread-safe.
 */
public final class CompatibilityChecker {

  private CompatibilityChecker() {}

  /**
   * Checks {@code candidate} against {@code previous}.
   *
   * @param candidate the schema about to be registered
   * @param previous the subject's existing versions, oldest first (may be empty)
   * @param level the subject's effective compatibility level
   * @return the verdict with one message per incompatibility found
   */
  public static Result check(
      Schema candidate, List<RegisteredSchema> previous, CompatibilityLevel level) {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(level, "level");
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return Result.COMPATIBLE;
    }
    List<RegisteredSchema> checked =
        level.latestOnly() ? List.of(previous.get(previous.size() - 1)) : previous;
    List<String> messages = new ArrayList<>();
    for (RegisteredSchema old : checked) {
      if (checksBackward(level)) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()).getResult(),
            "BACKWARD",
            old.version(),
            "the new schema cannot read data written with version",
            messages);
      }
      if (checksForward(level)) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate).getResult(),
            "FORWARD",
            old.version(),
            "readers using version",
            messages);
      }
    }
    return messages.isEmpty() ? Result.COMPATIBLE : new Result(false, List.copyOf(messages));
  }

  private static boolean checksBackward(CompatibilityLevel level) {
    return switch (level) {
      case BACKWARD, BACKWARD_TRANSITIVE, FULL, FULL_TRANSITIVE -> true;
      default -> false;
    };
  }

  private static boolean checksForward(CompatibilityLevel level) {
    return switch (level) {
      case FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE -> true;
      default -> false;
    };
  }

  private static void describe(
      SchemaCompatibilityResult result,
      String direction,
      int version,
      String what,
      List<String> messages) {
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      String subject =
          direction.equals("BACKWARD")
              ? what + " " + version
              : what + " " + version + " cannot read data written with the new schema";
      messages.add(
          String.format(
              "%s: %s: %s at '%s': %s",
              direction,
              subject,
              incompatibility.getType(),
              incompatibility.getLocation(),
              incompatibility.getMessage()));
    }
  }

  /**
   * Outcome of a compatibility check.
   *
   * @param compatible whether the candidate may be registered
   * @param messages human-readable reasons, empty when compatible
   */
  public record Result(boolean compatible, List<String> messages) {
    /** The verdict for a compatible schema. */
    public static final Result COMPATIBLE = new Result(true, List.of());

    public Result {
      messages = List.copyOf(messages);
    }
  }
}
