package io.tickwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DashboardCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldDocumentItsOptions() {
    assertThat(run("dashboard", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--bootstrap-servers",
            "--schema-registry-url",
            "--query-url",
            "--alerting-url",
            "--host",
            "--port",
            "--token");
  }

  @Test
  void shouldRefuseANonLoopbackBindWithoutAToken() {
    assertThat(run("dashboard", "--host", "0.0.0.0")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString())
        .contains("refusing to bind the dashboard to 0.0.0.0")
        .contains("dashboard.token");
  }

  @Test
  void shouldRefuseAShortToken() {
    assertThat(run("dashboard", "--token", "short")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("at least 16 characters");
  }

  @Test
  void shouldListTheDashboardBenchmark() {
    assertThat(run("bench", "dashboard", "--help")).isZero();
    assertThat(out.toString()).contains("--clients", "10 %");
  }
}
