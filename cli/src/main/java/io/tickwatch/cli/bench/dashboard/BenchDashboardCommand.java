package io.tickwatch.cli.bench.dashboard;

import io.tickwatch.cli.bench.pipeline.MachineInfo;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.dashboard.bench.SseLoadBenchmark;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch bench dashboard}: see {@link SseLoadBenchmark}. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "N concurrent server-sent-event clients on loopback against one dashboard fed with"
          + " synthetic rolling statistics (one update per series every 500 ms, no Kafka)."
          + " Prints the CPU time of the server's threads (HTTP, SSE hub and writers) as a"
          + " percentage of one core (goal: 100 clients <= 10 %), and of the whole JVM.",
    })
public final class BenchDashboardCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--clients",
      defaultValue = "100",
      description = "Concurrent SSE clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--hosts",
      defaultValue = "10",
      description = "Simulated hosts (default: ${DEFAULT-VALUE}).")
  int hosts;

  @Option(
      names = "--metrics",
      defaultValue = "20",
      description = "Series per host (default: ${DEFAULT-VALUE}).")
  int metrics;

  @Option(
      names = "--warmup",
      defaultValue = "5s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description = "Warm-up before measuring (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(
      names = "--duration",
      defaultValue = "20s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description = "Measured time (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || clients > 2000) {
      throw new ParameterException(spec.commandLine(), "--clients must be in 1..2000");
    }
    if (hosts < 1 || metrics < 1 || hosts * metrics > 100_000) {
      throw new ParameterException(
          spec.commandLine(), "--hosts and --metrics must be >= 1, at most 100000 series");
    }
    if (duration.toMillis() < 1000 || warmup.isNegative()) {
      throw new ParameterException(
          spec.commandLine(), "--duration must be >= 1s and --warmup >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Machine: " + MachineInfo.current());
    out.println(
        "Connecting "
            + clients
            + " SSE clients, feeding "
            + hosts * metrics
            + " series; warm-up "
            + warmup.toSeconds()
            + " s, measuring "
            + duration.toSeconds()
            + " s ...");
    out.flush();
    SseLoadBenchmark.Result result =
        new SseLoadBenchmark(
                new SseLoadBenchmark.Settings(clients, hosts, metrics, warmup, duration))
            .run();
    out.println(result);
    out.printf(
        "server threads: %.2f %% of one core for %d clients (goal <= 10 %% for 100)%n",
        result.serverCpuPercentOfCore(), result.clients());
    return result.clientsAtEnd() == result.clients() ? 0 : 1;
  }
}
