package io.tickwatch.cli;

import io.tickwatch.cli.demo.DemoRunner;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.cli.stack.StackOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch demo}: maps options into {@link StackOptions} and runs {@link DemoRunner}. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Starts everything on this machine: a real embedded KRaft broker, the schema registry, the"
          + " rolling-statistics streams app (interactive queries on --query-port), anomaly"
          + " detection, the alerting service (--alerting-port), the A/B app, the dashboard"
          + " (--dashboard-port) and simulated game servers with"
          + " scheduled incidents. With --bootstrap-servers (and"
          + " --schema-registry-url) it uses an existing cluster instead.",
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--duration",
      defaultValue = "90s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "How long to run: 90s, 2m, 1m30s, 500ms, PT90S; 'forever' or 0 runs until Ctrl-C"
              + " (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--data-dir",
      defaultValue = "tickwatch-data",
      paramLabel = "DIR",
      description =
          "Broker storage and logs; kept across runs so history survives (default:"
              + " ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--bootstrap-servers",
      converter = Converters.BootstrapServersConverter.class,
      paramLabel = "HOST:PORT[,...]",
      description = "Use this existing Kafka cluster instead of the embedded broker.")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      converter = Converters.HttpUrlConverter.class,
      paramLabel = "URL",
      description = "Use this existing schema registry instead of the embedded one.")
  String schemaRegistryUrl;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      converter = Converters.PortConverter.class,
      description = "Port of the embedded broker (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--controller-port",
      defaultValue = "9093",
      converter = Converters.PortConverter.class,
      description = "KRaft controller port of the embedded broker (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--registry-port",
      defaultValue = "8081",
      converter = Converters.PortConverter.class,
      description = "Port of the embedded schema registry (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--query-port",
      defaultValue = "8082",
      converter = Converters.PortConverter.class,
      description =
          "Port of the streams app's interactive-query HTTP API (default: ${DEFAULT-VALUE}).")
  int queryPort;

  @Option(
      names = "--alerting-port",
      defaultValue = "8083",
      converter = Converters.PortConverter.class,
      description = "Port of the alerting service's HTTP API (default: ${DEFAULT-VALUE}).")
  int alertingPort;

  @Option(
      names = "--dashboard-port",
      defaultValue = "8080",
      converter = Converters.PortConverter.class,
      description = "Port of the dashboard (default: ${DEFAULT-VALUE}).")
  int dashboardPort;

  @Option(
      names = "--hosts",
      defaultValue = "3",
      paramLabel = "N",
      description = "Number of simulated game servers, 1..1000 (default: ${DEFAULT-VALUE}).")
  int hosts;

  @Option(
      names = "--progress-interval",
      defaultValue = "5s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description = "Time between progress lines (default: ${DEFAULT-VALUE}).")
  Duration progressInterval;

  @Option(
      names = "--connect-timeout",
      defaultValue = "15s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "How long to wait for an existing cluster or registry to answer (default:"
              + " ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  /** The stack options these command-line options describe; validates combinations. */
  StackOptions stackOptions() {
    StackOptions options =
        StackOptions.defaults()
            .withDataDir(dataDir)
            .withPorts(kafkaPort, controllerPort, registryPort)
            .withExternal(
                Optional.ofNullable(bootstrapServers), Optional.ofNullable(schemaRegistryUrl))
            .withConnectTimeout(connectTimeout);
    if (!options.problems().isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", options.problems()));
    }
    return options;
  }

  DemoRunner.Settings settings() {
    if (hosts < 1 || hosts > 1_000) {
      throw new ParameterException(spec.commandLine(), "--hosts must be in 1..1000, was " + hosts);
    }
    if (progressInterval.isZero()) {
      throw new ParameterException(spec.commandLine(), "--progress-interval must be positive");
    }
    return new DemoRunner.Settings(
        hosts, duration, progressInterval, queryPort, alertingPort, dashboardPort);
  }

  @Override
  public Integer call() throws Exception {
    StackOptions options = stackOptions();
    DemoRunner.Settings settings = settings();
    LogFiles.writeTo(options.dataDir().resolve("logs"));
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopRequested.countDown();
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "tickwatch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      new DemoRunner(options, settings, out::println, InstantSource.system()).run(stopRequested);
      return 0;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down (Ctrl-C): the hook is running and will return now
      }
    }
  }
}
