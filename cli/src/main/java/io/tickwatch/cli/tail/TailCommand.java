package io.tickwatch.cli.tail;

import io.tickwatch.cli.options.ClusterConnectionOptions;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch tail TOPIC}: prints a topic's records as JSON lines, decoded via the registry.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints the records of any topic as JSON lines {\"topic\",\"partition\",\"offset\","
          + "\"timestamp\",\"key\",\"value\"}: Avro values decoded through the schema registry"
          + " with their own writer schema, JSON values parsed, others as text. New records"
          + " only unless --from-beginning; runs until --max records or Ctrl-C.",
      "Example: tickwatch tail tickwatch.anomalies --filter hostId=host-1 --from-beginning",
    })
public final class TailCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to print.")
  String topic;

  @Option(
      names = "--filter",
      paramLabel = "FIELD=VALUE",
      description =
          "Print only records whose value field (dotted path, e.g. hostId, labels.action) or"
              + " @key/@partition equals VALUE; repeatable, all must match.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--from-beginning", description = "Start at the earliest retained records.")
  boolean fromBeginning;

  @Option(
      names = "--max",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after printing N records (default: no limit).")
  long max;

  @Mixin ClusterConnectionOptions cluster;

  TopicTailer.Request request() {
    if (max < 0) {
      throw new ParameterException(spec.commandLine(), "--max must be >= 0, was " + max);
    }
    for (String filter : filters) {
      try {
        RecordFilter.parse(filter);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return new TopicTailer.Request(topic, cluster.bootstrapServers(), fromBeginning, max, filters);
  }

  @Override
  public Integer call() {
    TopicTailer.Request request = request();
    PrintWriter out = spec.commandLine().getOut();
    AtomicBoolean stopped = new AtomicBoolean();
    Thread hook = new Thread(() -> stopped.set(true), "tickwatch-tail-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (SchemaRegistryClient registry =
        new RestSchemaRegistryClient(cluster.schemaRegistryUrl())) {
      new TopicTailer(registry)
          .run(
              request,
              line -> {
                out.println(line);
                out.flush();
              },
              stopped::get);
      return 0;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("tickwatch tail: " + e.getMessage());
      return 2;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down (Ctrl-C): the hook has run
      }
    }
  }
}
