package io.tickwatch.cli.bench;

import io.tickwatch.cli.bench.alertlatency.AlertLatencyBenchmark;
import io.tickwatch.cli.bench.alertlatency.LatencySummary;
import io.tickwatch.cli.bench.alertlatency.Variant;
import io.tickwatch.cli.bench.pipeline.MachineInfo;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.cli.options.ExistingClusterOptions;
import io.tickwatch.cli.stack.DevStack;
import io.tickwatch.cli.stack.StackOptions;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch bench alert-latency}: see {@link AlertLatencyBenchmark}. */
@Command(
    name = "alert-latency",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Injected anomalous samples -> rolling statistics (1 s final windows) -> anomaly rules ->"
          + " alerting service -> webhook notification at a local HTTP receiver. Prints, per"
          + " incident and as p50/p99/max, the time from the first anomalous sample's event time to"
          + " the notification, with a per-stage breakdown (goal p99 <= 2 s).",
      "Variants: 'default' (every setting at its default: grace 2 s, anomaly commit interval 1 s,"
          + " group wait 1 s, latency rule for: 3), 'default-for1' (the same with for: 1) and"
          + " 'fast' (grace 200 ms, commit interval 100 ms, group wait 0 s, for: 1); 'both' is"
          + " default and fast, 'all' the three.",
      "Starts an embedded broker and registry on free ports in a temporary directory unless"
          + " --bootstrap-servers is given (then it uses that cluster's catalogue topics, creating"
          + " missing ones, with its own application and group ids and host names ab-<run>-*).",
    })
public final class BenchAlertLatencyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--incidents",
      defaultValue = "50",
      description = "Measured incidents per variant, one host each (default: ${DEFAULT-VALUE}).")
  int incidents;

  @Option(
      names = "--variant",
      defaultValue = "all",
      paramLabel = "default|default-for1|fast|both|all",
      description = "Settings to measure (default: ${DEFAULT-VALUE}).")
  String variant;

  @Option(
      names = "--interval",
      defaultValue = "1s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description = "Time between incident onsets (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--incident-timeout",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "An incident not notified this long after its onset counts as missed (default:"
              + " ${DEFAULT-VALUE}).")
  Duration incidentTimeout;

  @Mixin ExistingClusterOptions cluster;

  /** The validated options. */
  record Plan(List<Variant> variants, AlertLatencyBenchmark.Settings settings) {}

  Plan plan() {
    if (incidents < 1 || incidents > 1000) {
      throw new ParameterException(spec.commandLine(), "--incidents must be in 1..1000");
    }
    if (interval.toMillis() < 100 || interval.toMillis() > 60_000) {
      throw new ParameterException(spec.commandLine(), "--interval must be in 100ms..60s");
    }
    if (incidentTimeout.toMillis() < 5_000 || incidentTimeout.toMillis() > 600_000) {
      throw new ParameterException(spec.commandLine(), "--incident-timeout must be in 5s..10m");
    }
    List<Variant> variants;
    try {
      variants = Variant.parse(variant);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return new Plan(
        variants, new AlertLatencyBenchmark.Settings(incidents, interval, incidentTimeout));
  }

  @Override
  public Integer call() throws Exception {
    Plan plan = plan();
    PrintWriter out = spec.commandLine().getOut();
    MachineInfo machine = MachineInfo.current();
    out.println("Machine: " + machine);
    out.flush();
    Path dataDir = Files.createTempDirectory("tickwatch-bench-alert-");
    List<String> lines = new ArrayList<>();
    boolean allNotified = true;
    try {
      StackOptions options = StackOptions.defaults().withDataDir(dataDir.resolve("stack"));
      if (cluster.bootstrapServers != null) {
        options =
            options.withExternal(
                Optional.of(cluster.bootstrapServers),
                Optional.of(
                    Optional.ofNullable(cluster.schemaRegistryUrl)
                        .orElse(ExistingClusterOptions.DEFAULT_REGISTRY_URL)));
        out.println("Using the cluster at " + cluster.bootstrapServers + " ...");
      } else {
        options =
            options
                .withPorts(freePort(), freePort(), freePort())
                .withExternal(Optional.empty(), Optional.ofNullable(cluster.schemaRegistryUrl));
        out.println("Starting an embedded broker and registry in " + dataDir + " ...");
      }
      out.flush();
      // the stack probes an existing cluster and registry (one-line error when unreachable) and
      // creates any missing catalogue topic
      try (DevStack stack = DevStack.start(options, line -> println(out, "  + " + line))) {
        allNotified =
            runAll(
                plan,
                stack.bootstrapServers(),
                stack.schemaRegistryUrl(),
                stack.registryClient(),
                dataDir,
                lines,
                out);
      }
    } finally {
      deleteQuietly(dataDir);
    }
    out.println();
    out.println("Results (" + machine + ")");
    lines.forEach(out::println);
    out.flush();
    if (!allNotified) {
      spec.commandLine()
          .getErr()
          .println("tickwatch: error: some incidents were not notified (see above)");
      return 1;
    }
    return 0;
  }

  private static boolean runAll(
      Plan plan,
      String bootstrap,
      String registryUrl,
      SchemaRegistryClient registry,
      Path dataDir,
      List<String> lines,
      PrintWriter out)
      throws Exception {
    AlertLatencyBenchmark benchmark =
        new AlertLatencyBenchmark(
            bootstrap,
            registryUrl,
            registry,
            dataDir,
            plan.settings(),
            line -> println(out, line),
            InstantSource.system());
    boolean all = true;
    for (Variant v : plan.variants()) {
      LatencySummary summary = benchmark.run(v);
      lines.add("  [" + v.name() + "] " + v.describe());
      lines.addAll(summary.lines(v.name()));
      summary.lines(v.name()).forEach(line -> println(out, line));
      all &= summary.notified() == summary.incidents();
    }
    return all;
  }

  private static void println(PrintWriter out, String line) {
    out.println(line);
    out.flush();
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
