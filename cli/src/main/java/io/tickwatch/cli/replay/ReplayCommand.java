package io.tickwatch.cli.replay;

import io.tickwatch.cli.options.ClusterConnectionOptions;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.cli.options.DurationParser;
import io.tickwatch.streams.query.TimeExpression;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch replay}: maps options into a {@link ReplayRequest} and runs it. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Re-processes tickwatch.samples for an event-time range through the rolling-statistics"
          + " topology under a separate application id, writing to"
          + " tickwatch.replay.<run-id>.stats and .stats-live. Starts at the offsets of --from"
          + " (no scan from the beginning), shows progress and an ETA, and stops by itself when"
          + " every partition has passed --to.",
      "Times: now, -15m, now-2h, 2026-11-27T10:00:00Z or epoch milliseconds.",
    })
public final class ReplayCommand implements Callable<Integer> {

  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start, inclusive.")
  String from;

  @Option(
      names = "--to",
      defaultValue = "now",
      paramLabel = "TIME",
      description = "End, exclusive (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(
      names = "--speed",
      defaultValue = "max",
      paramLabel = "max|N",
      description =
          "max: as fast as possible; N: N times real time, paced by record time (default:"
              + " ${DEFAULT-VALUE}).")
  String speed;

  @Mixin ClusterConnectionOptions cluster;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "Names the output topics and application id (default: start time + random).")
  String runId;

  @Option(
      names = "--data-dir",
      defaultValue = "tickwatch-data",
      paramLabel = "DIR",
      description =
          "Replay state goes to DIR/replay/<run-id>, deleted at the end (default: ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--timeout",
      defaultValue = "1h",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description = "Give up after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  ReplayRequest request(InstantSource clock) {
    Instant now = clock.instant();
    Instant fromTime = time("--from", from, now);
    Instant toTime = time("--to", to, now);
    OptionalDouble factor;
    if (speed.equalsIgnoreCase("max")) {
      factor = OptionalDouble.empty();
    } else {
      try {
        factor =
            OptionalDouble.of(Double.parseDouble(speed.toLowerCase(Locale.ROOT).replace("x", "")));
      } catch (NumberFormatException e) {
        throw new ParameterException(
            spec.commandLine(), "--speed must be 'max' or a positive number, was '" + speed + "'");
      }
    }
    String id =
        runId != null
            ? runId
            : RUN_ID_TIME.format(now)
                + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    try {
      return new ReplayRequest(
          fromTime,
          toTime,
          factor,
          id,
          cluster.bootstrapServers(),
          cluster.schemaRegistryUrl(),
          dataDir,
          timeout.isZero() ? Duration.ofDays(365) : timeout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Instant time(String option, String text, Instant now) {
    try {
      return TimeExpression.parse(text, now);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    ReplayRequest request = request(InstantSource.system());
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Replaying "
            + request.from()
            + " .. "
            + request.to()
            + " at "
            + (request.speed().isPresent()
                ? request.speed().getAsDouble() + "x real time"
                : "max speed")
            + " as "
            + request.applicationId());
    boolean interactive = System.console() != null;
    long[] lastLine = {0};
    ReplayRunner.Result result =
        new ReplayRunner(
                request,
                line -> {
                  if (interactive) {
                    out.print("\r" + line);
                    out.flush();
                  } else if (System.nanoTime() - lastLine[0] > 5_000_000_000L) {
                    out.println(line);
                    lastLine[0] = System.nanoTime();
                  }
                },
                InstantSource.system())
            .run();
    if (interactive) {
      out.println();
    }
    out.println(
        "Replayed "
            + result.records()
            + " records in "
            + DurationParser.clock(result.elapsed())
            + " (application id "
            + result.applicationId()
            + ")");
    out.println("Output topics: " + result.outputTopic() + " (final results)");
    out.println("               " + result.liveTopic() + " (early results)");
    return 0;
  }
}
