package io.tickwatch.cli.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One replay run, already parsed and validated.
 *
 * @param from start of the event-time range, inclusive
 * @param to end of the event-time range, exclusive
 * @param speed empty for as fast as possible, else the factor over real time
 * @param runId names the application id ({@code tickwatch-replay-<runId>}) and the output topics
 *     ({@code tickwatch.replay.<runId>.stats}, {@code .stats-live})
 * @param bootstrapServers Kafka cluster
 * @param schemaRegistryUrl schema registry
 * @param dataDir replay state goes to {@code <dataDir>/replay/<runId>} and is deleted afterwards
 * @param timeout give up when the replay has not finished after this long
 */
public record ReplayRequest(
    Instant from,
    Instant to,
    OptionalDouble speed,
    String runId,
    String bootstrapServers,
    String schemaRegistryUrl,
    Path dataDir,
    Duration timeout) {

  public ReplayRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from (" + from + ") must be before --to (" + to + ")");
    }
    if (runId == null || !runId.matches("[a-zA-Z0-9_-]{1,100}")) {
      throw new IllegalArgumentException(
          "--run-id '" + runId + "' must be 1..100 of letters, digits, '-' and '_'");
    }
    if (speed.isPresent() && !(speed.getAsDouble() > 0)) {
      throw new IllegalArgumentException("--speed must be 'max' or a positive number");
    }
  }

  public String applicationId() {
    return "tickwatch-replay-" + runId;
  }

  public String outputNamespace() {
    return "tickwatch.replay." + runId + ".";
  }
}
