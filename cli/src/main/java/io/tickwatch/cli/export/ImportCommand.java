package io.tickwatch.cli.export;

import io.tickwatch.cli.options.ClusterConnectionOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tickwatch import}: publishes an exported Avro container file back to Kafka. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Publishes the records of an Avro object container file (from 'tickwatch export') to a"
            + " topic through the schema-registry serializer; sample batches are keyed by host"
            + " and stamped with their interval's end, as the agent does.")
public final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "Avro file to read.")
  Path in;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "Target topic (default: the topic recorded in the file).")
  String topic;

  @Mixin ClusterConnectionOptions cluster;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    AvroFileImporter.Result result =
        AvroFileImporter.importFile(
            in,
            Optional.ofNullable(topic),
            cluster.bootstrapServers(),
            cluster.schemaRegistryUrl(),
            console::println);
    console.println(
        "Imported " + result.records() + " records from " + in + " into " + result.topic());
    return 0;
  }
}
