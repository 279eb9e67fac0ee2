package io.tickwatch.cli.experiment;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.cli.options.ClusterConnectionOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch experiment}: defines, starts, stops, lists and shows A/B experiments on the
 * compacted {@code tickwatch.experiments} topic (see docs/EXPERIMENTS.md).
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "A/B experiments: create, start, stop, list, show (see docs/EXPERIMENTS.md).",
    subcommands = {
      ExperimentCommand.Create.class,
      ExperimentCommand.Start.class,
      ExperimentCommand.Stop.class,
      ExperimentCommand.ListCommand.class,
      ExperimentCommand.Show.class
    })
public final class ExperimentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code experiment create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Defines a new experiment (status DRAFT, or RUNNING with --start).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Experiment id, [a-z0-9-]+.")
    String id;

    @Option(
        names = "--variant",
        required = true,
        paramLabel = "NAME=SHARE",
        description = "A variant and its traffic share; repeat, shares sum to 1.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--control", paramLabel = "NAME", description = "Control (default: first).")
    String control;

    @Option(
        names = "--unit",
        defaultValue = "SESSION",
        paramLabel = "PLAYER|SESSION",
        description = "Unit of randomisation (default: ${DEFAULT-VALUE}).")
    AssignmentUnit unit;

    @Option(
        names = "--metric",
        paramLabel = "METRIC",
        description = "Compared series, repeatable; first is primary (default: ab.latency).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--higher-is-better", description = "Improvement means larger values.")
    boolean higherIsBetter;

    @Option(
        names = "--alpha",
        defaultValue = "0.05",
        paramLabel = "P",
        description = "Family-wise significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--salt", paramLabel = "TEXT", description = "Assignment salt (default: id).")
    String salt;

    @Option(names = "--name", paramLabel = "TEXT", description = "Title.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What and why.")
    String description;

    @Option(names = "--owner", paramLabel = "TEXT", description = "Person or team.")
    String owner;

    @Option(names = "--start", description = "Start it right away.")
    boolean start;

    @Override
    public Integer call() {
      ExperimentDefinition definition =
          new ExperimentDefinition(
              id,
              name,
              description,
              variants,
              control,
              unit,
              salt,
              metrics,
              !higherIsBetter,
              alpha,
              owner);
      List<String> problems = definition.problems();
      if (!problems.isEmpty()) {
        throw new ParameterException(spec.commandLine(), String.join("; ", problems));
      }
      Instant now = Instant.now();
      Experiment record = definition.toRecord(now);
      try (ExperimentTopics topics = ExperimentTopics.open(connection)) {
        if (topics.experiment(id).isPresent()) {
          throw new IllegalArgumentException("experiment '" + id + "' exists already");
        }
        if (start) {
          record = ExperimentDefinition.started(record, now);
        }
        topics.write(record);
      }
      spec.commandLine()
          .getOut()
          .println("Created experiment " + id + " (" + record.getStatus() + ")");
      return 0;
    }
  }

  /** {@code experiment start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Starts a DRAFT experiment.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
    String id;

    @Override
    public Integer call() {
      return transition(spec, connection, id, ExperimentStatus.RUNNING);
    }
  }

  /** {@code experiment stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stops a RUNNING experiment (agents fall back to the control variant).")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
    String id;

    @Override
    public Integer call() {
      return transition(spec, connection, id, ExperimentStatus.STOPPED);
    }
  }

  /** {@code experiment list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every experiment.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterConnectionOptions connection;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ExperimentTopics topics = ExperimentTopics.open(connection)) {
        ResultFormatter.list(topics.experiments().values()).forEach(out::println);
      }
      return 0;
    }
  }

  /** {@code experiment show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows an experiment and its latest evaluation from tickwatch.ab-results.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Experiment id.")
    String id;

    @Option(
        names = "--history",
        description = "Also list every evaluation (verdict and p-values as data arrived).")
    boolean history;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ExperimentTopics topics = ExperimentTopics.open(connection)) {
        Experiment experiment = existing(topics, id);
        List<AbResult> results = topics.results(id);
        AbResult latest = results.isEmpty() ? null : results.get(results.size() - 1);
        ResultFormatter.show(experiment, latest).forEach(out::println);
        if (history) {
          out.println();
          ResultFormatter.history(results).forEach(out::println);
        }
      }
      return 0;
    }
  }

  /** Moves experiment {@code id} to {@code target}: RUNNING (start) or STOPPED (stop). */
  private static int transition(
      CommandSpec spec, ClusterConnectionOptions connection, String id, ExperimentStatus target) {
    boolean start = target == ExperimentStatus.RUNNING;
    try (ExperimentTopics topics = ExperimentTopics.open(connection)) {
      Experiment current = existing(topics, id);
      Instant now = Instant.now();
      topics.write(
          start
              ? ExperimentDefinition.started(current, now)
              : ExperimentDefinition.stopped(current, now));
    }
    spec.commandLine().getOut().println((start ? "Started" : "Stopped") + " experiment " + id);
    return 0;
  }

  private static Experiment existing(ExperimentTopics topics, String id) {
    return topics
        .experiment(id)
        .orElseThrow(() -> new IllegalArgumentException("no experiment '" + id + "'"));
  }
}
