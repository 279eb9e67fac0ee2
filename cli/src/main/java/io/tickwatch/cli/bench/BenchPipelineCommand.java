package io.tickwatch.cli.bench;

import io.tickwatch.cli.bench.pipeline.AnomalyPhase;
import io.tickwatch.cli.bench.pipeline.MachineInfo;
import io.tickwatch.cli.bench.pipeline.PipelineBenchmark;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.cli.options.ExistingClusterOptions;
import io.tickwatch.cli.stack.DevStack;
import io.tickwatch.cli.stack.StackOptions;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch bench pipeline}: see {@link PipelineBenchmark}. */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulated agents -> broker -> rolling statistics on this machine. Prints samples/s through"
          + " the topology (end to end), the final result counts against the counts the input"
          + " implies, the live-view latency (sample time -> 1 s statistic readable on the live"
          + " topic) at real-time load and, in the same run, the broker's raw ceiling for 100-byte"
          + " records from Kafka's own ProducerPerformance tool.",
      "Starts an embedded broker and registry on free ports in a temporary directory unless"
          + " --bootstrap-servers is given; uses its own topics tickwatch.bench.<run>.* and deletes"
          + " them at the end.",
      "Then the anomaly app (default rules) reads the statistics of the throughput phase from the"
          + " beginning: statistics records/s until caught up, against the records/s the rolling"
          + " statistics produced them at.",
    })
public final class BenchPipelineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--hosts",
      defaultValue = "16",
      description = "Simulated agents in the throughput phase (default: ${DEFAULT-VALUE}).")
  int hosts;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "Event time each agent publishes in the throughput phase (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--rate",
      defaultValue = "max",
      paramLabel = "max|SAMPLES_PER_S",
      description =
          "Publish rate cap of the throughput phase, in samples/s (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(
      names = "--live-hosts",
      defaultValue = "16",
      description =
          "Agents publishing in real time in the latency phase (default: ${DEFAULT-VALUE}).")
  int liveHosts;

  @Option(
      names = "--live-duration",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
  Duration liveDuration;

  @Option(
      names = "--live-update-interval",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "The topology's live-update interval, event time (default: the topology's, 500ms).")
  Duration liveUpdateInterval;

  @Option(
      names = "--raw-records",
      defaultValue = "1000000",
      description =
          "Records of the raw ProducerPerformance run; 0 skips it (default: ${DEFAULT-VALUE}).")
  long rawRecords;

  @Option(
      names = "--stream-threads",
      defaultValue = "2",
      description = "Stream threads of the streams app (default: ${DEFAULT-VALUE}).")
  int streamThreads;

  @Option(
      names = "--commit-interval",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "commit.interval.ms of the streams app (default: the topology's recommendation, 100ms)."
              + " Longer intervals let the record cache absorb more updates.")
  Duration commitInterval;

  @Option(
      names = "--no-anomalies",
      description =
          "Skip the anomaly phase (the anomaly app over the throughput phase's statistics,"
              + " its rate against the rate they were produced at).")
  boolean noAnomalies;

  @Mixin ExistingClusterOptions cluster;

  PipelineBenchmark.Settings settings() {
    long samplesPerSecond;
    if (rate.equalsIgnoreCase("max")) {
      samplesPerSecond = 0;
    } else {
      try {
        samplesPerSecond = Long.parseLong(rate.replace("_", ""));
      } catch (NumberFormatException e) {
        samplesPerSecond = -1;
      }
      if (samplesPerSecond <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--rate must be 'max' or a positive number of samples/s");
      }
    }
    if (hosts < 1 || hosts > 10_000 || liveHosts < 1 || liveHosts > 10_000) {
      throw new ParameterException(
          spec.commandLine(), "--hosts and --live-hosts must be in 1..10000");
    }
    if (duration.toMillis() < 1000 || liveDuration.toMillis() < 1000) {
      throw new ParameterException(
          spec.commandLine(), "--duration and --live-duration must be at least 1s");
    }
    if (streamThreads < 1 || streamThreads > 16) {
      throw new ParameterException(spec.commandLine(), "--stream-threads must be in 1..16");
    }
    return new PipelineBenchmark.Settings(
        hosts,
        duration,
        samplesPerSecond,
        liveHosts,
        liveDuration,
        rawRecords,
        streamThreads,
        Optional.ofNullable(liveUpdateInterval),
        Optional.ofNullable(commitInterval),
        !noAnomalies);
  }

  @Override
  public Integer call() throws Exception {
    PipelineBenchmark.Settings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = Files.createTempDirectory("tickwatch-bench-");
    MachineInfo machine = MachineInfo.current();
    out.println("Machine: " + machine);
    try {
      PipelineBenchmark.Result result;
      if (cluster.bootstrapServers != null) {
        String registryUrl =
            Optional.ofNullable(cluster.schemaRegistryUrl)
                .orElse(ExistingClusterOptions.DEFAULT_REGISTRY_URL);
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(registryUrl)) {
          result =
              benchmark(cluster.bootstrapServers, registryUrl, registry, dataDir, settings, out);
        }
      } else {
        StackOptions options =
            StackOptions.defaults()
                .withDataDir(dataDir)
                .withPorts(freePort(), freePort(), freePort())
                .withExternal(Optional.empty(), Optional.ofNullable(cluster.schemaRegistryUrl));
        out.println("Starting an embedded broker and registry in " + dataDir + " ...");
        try (DevStack stack = DevStack.start(options, line -> out.println("  + " + line))) {
          result =
              benchmark(
                  stack.bootstrapServers(),
                  stack.schemaRegistryUrl(),
                  stack.registryClient(),
                  dataDir,
                  settings,
                  out);
        }
      }
      print(out, result, settings, machine);
      return 0;
    } finally {
      deleteQuietly(dataDir);
    }
  }

  private static PipelineBenchmark.Result benchmark(
      String bootstrap,
      String registryUrl,
      SchemaRegistryClient registry,
      Path dataDir,
      PipelineBenchmark.Settings settings,
      PrintWriter out)
      throws Exception {
    return new PipelineBenchmark(
            bootstrap,
            registryUrl,
            registry,
            dataDir,
            settings,
            out::println,
            InstantSource.system())
        .run();
  }

  private static void print(
      PrintWriter out,
      PipelineBenchmark.Result r,
      PipelineBenchmark.Settings settings,
      MachineInfo machine) {
    out.println();
    out.println("Results (" + machine + ")");
    if (r.raw() != null) {
      out.println(
          String.format(
              Locale.ROOT,
              "  raw broker ceiling, 100-byte records (ProducerPerformance): %,.0f records/s",
              r.raw().recordsPerSecond()));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "  pipeline, %d agents: %,d samples in %,d batches, processed end to end in %.1f s:"
                + " %,.0f samples/s (goal >= 2,000,000)%s",
            settings.hosts(),
            r.inputSamples(),
            r.inputRecords(),
            r.endToEndSeconds(),
            r.samplesPerSecond(),
            r.raw() == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    " = %.1fx the raw per-record ceiling",
                    r.samplesPerSecond() / r.raw().recordsPerSecond())));
    out.println(
        String.format(
            Locale.ROOT,
            "  output: %d final host results (expected %d) %s; samples in 1 s finals %d (expected %d) %s;"
                + " %d fleet-wide finals",
            r.actualHostFinals(),
            r.expectedHostFinals(),
            r.actualHostFinals() == r.expectedHostFinals() ? "OK" : "MISMATCH",
            r.actualSamplesInFinals(),
            r.expectedSamplesInFinals(),
            r.actualSamplesInFinals() == r.expectedSamplesInFinals() ? "OK" : "MISMATCH",
            r.fleetFinals()));
    out.println(
        String.format(
            Locale.ROOT,
            "  live view, %d agents in real time: %d updates, latency p50 %.0f ms, p99 %.0f ms, max"
                + " %.0f ms (goal p99 <= 1000 ms)",
            settings.liveHosts(),
            r.liveUpdates(),
            r.liveP50Millis(),
            r.liveP99Millis(),
            r.liveMaxMillis()));
    if (r.anomalies() != null) {
      AnomalyPhase.Result a = r.anomalies();
      out.println(
          String.format(
              Locale.ROOT,
              "  anomaly app: %,d stats records in %.2f s = %,.0f records/s = %.1f host-seconds/s"
                  + " vs rolling stats produced %,.0f records/s -> keeps up: %s, headroom %.1fx;"
                  + " %,d anomaly events",
              a.statsRecords(),
              a.seconds(),
              a.recordsPerSecond(),
              a.hostSecondsPerSecond(),
              a.statsProducedPerSecond(),
              a.keepsUp() ? "yes" : "no",
              a.headroom(),
              a.events()));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temporary directory: best effort
    }
  }
}
