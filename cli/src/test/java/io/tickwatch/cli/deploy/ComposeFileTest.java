package io.tickwatch.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the deployment files at the repository root without a Docker engine: docker-compose.yml
 * validates with Debian's {@code docker-compose config -q}, and the Grafana dashboard queries only
 * metrics that the dashboard's /metrics exports.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
  private static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");
  private static final Pattern METRIC_NAME = Pattern.compile("tickwatch_[a-z0-9_]+");

  private record Outcome(int exitCode, String output) {}

  private static Outcome dockerComposeConfig(Path file) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(DOCKER_COMPOSE.toString(), "-f", file.toString(), "config", "-q")
            .directory(file.getParent().toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("docker-compose config did not finish: " + output);
    }
    return new Outcome(process.exitValue(), output);
  }

  @Test
  void shouldValidateTheComposeFileWithDockerCompose() throws Exception {
    assumeTrue(Files.isExecutable(DOCKER_COMPOSE), "docker-compose is not installed");
    Outcome outcome = dockerComposeConfig(COMPOSE_FILE);
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
  }

  @Test
  void shouldMakeDockerComposeRejectADependencyOnAMissingService(@TempDir Path dir)
      throws Exception {
    assumeTrue(Files.isExecutable(DOCKER_COMPOSE), "docker-compose is not installed");
    String broken =
        Files.readString(COMPOSE_FILE)
            .replace(
                "alerting: {condition: service_healthy}", "alerter: {condition: service_healthy}");
    Path file = dir.resolve("docker-compose.yml");
    Files.writeString(file, broken);
    assertThat(dockerComposeConfig(file).exitCode()).isNotZero();
  }

  @Test
  void shouldDeclareTheClusterGuarantees() throws IOException {
    String compose = Files.readString(COMPOSE_FILE);
    assertThat(compose)
        .contains("image: apache/kafka:4.1.0")
        .contains("KAFKA_DEFAULT_REPLICATION_FACTOR: \"3\"")
        .contains("KAFKA_MIN_INSYNC_REPLICAS: \"2\"")
        .contains("stats-1:", "stats-2:", "anomalies:", "ab:", "alerting:", "dashboard:")
        .contains("prometheus:", "alertmanager:", "grafana:", "registry:");
  }

  @Test
  void shouldQueryOnlyMetricsTheDashboardExports() throws IOException {
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(ROOT.resolve("deploy/grafana/dashboards/tickwatch.json").toFile());
    assertThat(dashboard.path("title").asText()).isEqualTo("Tickwatch");
    List<String> expressions = new ArrayList<>();
    dashboard.findValues("expr").forEach(node -> expressions.add(node.asText()));
    dashboard.findValues("definition").forEach(node -> expressions.add(node.asText()));
    Set<String> used = metricNames(String.join("\n", expressions));
    assertThat(used).hasSizeGreaterThanOrEqualTo(10);
    assertThat(exportedMetricNames()).containsAll(used);
    assertThat(dashboard.path("panels"))
        .allSatisfy(panel -> assertThat(panel.path("targets")).isNotEmpty());
  }

  @Test
  void shouldAlertOnlyOnMetricsTheDashboardExports() throws IOException {
    Set<String> used =
        metricNames(Files.readString(ROOT.resolve("deploy/prometheus/tickwatch-rules.yml")));
    assertThat(used).isNotEmpty();
    assertThat(exportedMetricNames()).containsAll(used);
  }

  /** The metric families the dashboard's /metrics renders (their names are literals there). */
  private static Set<String> exportedMetricNames() throws IOException {
    Path source =
        ROOT.resolve(
            "dashboard/src/main/java/io/tickwatch/dashboard/metrics/DashboardMetrics.java");
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\"(tickwatch_[a-z0-9_]+)\"").matcher(Files.readString(source));
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).contains("tickwatch_rolling_p99", "tickwatch_dashboard_alerts");
    return names;
  }

  private static Set<String> metricNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC_NAME.matcher(text);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }
}
