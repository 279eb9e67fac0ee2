package io.tickwatch.cli.bench.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's raw per-record ceiling, measured with Kafka's own producer performance tool ({@code
 * org.apache.kafka.tools.ProducerPerformance} from kafka-tools) in a child JVM on this JVM's class
 * path: fixed-size random records, unthrottled, Kafka's default producer settings plus {@code
 * linger.ms=5}.
 */
public final class RawProducerCeiling {

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency.*");

  /**
   * @param records records sent
   * @param recordsPerSecond throughput
   * @param megabytesPerSecond throughput in MB/s as the tool reports it
   * @param avgLatencyMillis average send latency
   * @param command the command line that was run (for docs/PERFORMANCE.md)
   */
  public record Result(
      long records,
      double recordsPerSecond,
      double megabytesPerSecond,
      double avgLatencyMillis,
      String command) {}

  private RawProducerCeiling() {}

  /** Runs the tool against {@code topic} (which must exist) and parses its summary line. */
  public static Result measure(String bootstrapServers, String topic, long records, int recordSize)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx512m");
    command.add("-Dlog4j2.level=WARN");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.apache.kafka.tools.ProducerPerformance");
    List<String> toolArgs =
        List.of(
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            "--record-size",
            Integer.toString(recordSize),
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + bootstrapServers,
            "linger.ms=5");
    command.addAll(toolArgs);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String summary = null;
    List<String> tail = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (SUMMARY.matcher(line.trim()).matches()) {
          summary = line.trim();
        }
        tail.add(line);
        if (tail.size() > 20) {
          tail.remove(0);
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("ProducerPerformance did not finish");
    }
    if (summary == null) {
      throw new IOException(
          "ProducerPerformance printed no summary (exit "
              + process.exitValue()
              + "): "
              + String.join(" | ", tail));
    }
    Matcher m = SUMMARY.matcher(summary);
    if (!m.matches()) {
      throw new IOException("unexpected summary: " + summary);
    }
    return new Result(
        Long.parseLong(m.group(1)),
        Double.parseDouble(m.group(2)),
        Double.parseDouble(m.group(3)),
        Double.parseDouble(m.group(4)),
        String.format(
            Locale.ROOT,
            "kafka-producer-perf-test (org.apache.kafka.tools.ProducerPerformance) %s",
            String.join(" ", toolArgs)));
  }
}
