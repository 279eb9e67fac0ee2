package io.tickwatch.cli.export;

import io.tickwatch.cli.options.ClusterConnectionOptions;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.query.TimeExpression;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch export}: writes a topic's records in a time range to an Avro or CSV file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Exports the records of a topic whose event time lies in [--from, --to) to an Avro object"
          + " container file (with the writer schema) or, for tickwatch.samples, to CSV with one"
          + " row per sample: timestamp_ms,host,metric,labels,value (latency digests as"
          + " <name>:count/:sum/:min/:max/:p50/:p99/:p999 rows, in microseconds).",
      "Times: now, -15m, now-2h, 2026-11-27T10:00:00Z or epoch milliseconds.",
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--topic",
      defaultValue = "tickwatch.samples",
      paramLabel = "TOPIC",
      description = "Catalogue topic (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start, inclusive.")
  String from;

  @Option(
      names = "--to",
      defaultValue = "now",
      paramLabel = "TIME",
      description = "End, exclusive (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "avro|csv",
      description = "File format (default: csv for *.csv, else avro).")
  String format;

  @Mixin ClusterConnectionOptions cluster;

  TopicExporter.Request request(Instant now) {
    TopicExporter.Format chosen;
    String f =
        format != null
            ? format.toLowerCase(Locale.ROOT)
            : out.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "avro";
    switch (f) {
      case "avro" -> chosen = TopicExporter.Format.AVRO;
      case "csv" -> chosen = TopicExporter.Format.CSV;
      default ->
          throw new ParameterException(
              spec.commandLine(), "--format must be avro or csv, was '" + format + "'");
    }
    try {
      TopicExporter.avroTopic(topic);
      if (chosen == TopicExporter.Format.CSV && !topic.equals(Topics.SAMPLES.name())) {
        throw new IllegalArgumentException(
            "CSV export supports " + Topics.SAMPLES.name() + " only; use --format avro");
      }
      return new TopicExporter.Request(
          topic,
          TimeExpression.parse(from, now),
          TimeExpression.parse(to, now),
          out,
          chosen,
          cluster.bootstrapServers(),
          cluster.schemaRegistryUrl());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() {
    TopicExporter.Request request = request(Instant.now());
    PrintWriter console = spec.commandLine().getOut();
    console.println(
        "Exporting "
            + request.topic()
            + " "
            + request.from()
            + " .. "
            + request.to()
            + " to "
            + request.out()
            + " ("
            + request.format().name().toLowerCase(Locale.ROOT)
            + ")");
    TopicExporter.Result result = TopicExporter.export(request, console::println);
    console.println(
        "Exported "
            + result.records()
            + " records"
            + (request.format() == TopicExporter.Format.CSV ? " (" + result.rows() + " rows)" : "")
            + " of "
            + result.scanned()
            + " read to "
            + result.file());
    return 0;
  }
}
