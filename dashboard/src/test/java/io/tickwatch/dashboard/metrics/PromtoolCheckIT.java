package io.tickwatch.dashboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.dashboard.TestRecords;
import io.tickwatch.dashboard.sse.EventHub;
import io.tickwatch.dashboard.state.AlertBook;
import io.tickwatch.dashboard.state.SeriesKey;
import io.tickwatch.dashboard.state.SeriesStore;
import io.tickwatch.schemas.avro.ExampleRecords;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code promtool check metrics} (Debian's prometheus package) accepts the dashboard's output. */
class PromtoolCheckIT {

  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  @Test
  void shouldPassPromtoolCheckMetrics() throws Exception {
    assumeTrue(
        Files.isExecutable(PROMTOOL),
        "promtool not installed (apt-get install prometheus); skipping the exposition check");
    SeriesStore store = new SeriesStore(100);
    store.accept(TestRecords.stats("host-1", "tick.duration", 0, 1000, 9000, true));
    store.accept(TestRecords.stats(null, "tick.duration", 0, 1000, 9000, true));
    store.accept(
        TestRecords.stats(
            "evil\"host\\with\nnewline<img src=x onerror=alert(1)>",
            "cpu.process.percent",
            0,
            1000,
            Double.NaN,
            true));
    store.acceptSamples(SeriesKey.of("host-1", "players.active"), 0, 1000, new double[] {3});
    AlertBook alerts = new AlertBook(10);
    alerts.put("fp", Alert.newBuilder(ExampleRecords.alert()).setState(AlertState.FIRING).build());
    try (EventHub hub = new EventHub(Duration.ofMillis(100), Duration.ofSeconds(15), 4, 10)) {
      String text =
          new DashboardMetrics(store, alerts, hub, Optional.empty(), InstantSource.system())
              .render();
      assertThat(text).contains("tickwatch_rolling_mean{host=\"fleet\"");

      Process promtool =
          new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
              .redirectErrorStream(true)
              .start();
      promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      promtool.getOutputStream().close();
      String output = read(promtool.getInputStream());
      assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(promtool.exitValue()).as("promtool said:\n" + output).isZero();
      assertThat(output).as("promtool lint findings").isBlank();
    }
  }

  private static String read(InputStream in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
