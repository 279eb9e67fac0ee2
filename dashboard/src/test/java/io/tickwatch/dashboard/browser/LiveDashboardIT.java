package io.tickwatch.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures and photographs a dashboard with live data, such as the demo's. Skipped unless told
 * where the data is:
 *
 * <ul>
 *   <li>{@code -Dtickwatch.dashboard.url=http://127.0.0.1:8080/}: a dashboard that is running;
 *   <li>{@code -Dtickwatch.bootstrap.servers=127.0.0.1:9092} (optionally {@code
 *       -Dtickwatch.schema.registry.url}, default {@code http://127.0.0.1:8081}, and {@code
 *       -Dtickwatch.query.url}): a running cluster, such as {@code ./tickwatch demo}'s; the test
 *       starts its own dashboard on an ephemeral port against it.
 * </ul>
 *
 * <p>Run with {@code mvn -pl dashboard -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LiveDashboardIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -D...}. It logs the first useful render and the 20 x
 * 3600-point render benchmark and saves a screenshot ({@code -Dtickwatch.screenshot=PATH}, default
 * target/dashboard.png).
 */
class LiveDashboardIT {

  private static final Logger log = LoggerFactory.getLogger(LiveDashboardIT.class);

  @Test
  void shouldRenderALiveDashboardWithoutConsoleErrors() throws IOException {
    String url = System.getProperty("tickwatch.dashboard.url", "");
    String bootstrap = System.getProperty("tickwatch.bootstrap.servers", "");
    assumeTrue(
        !url.isBlank() || !bootstrap.isBlank(),
        "no live data: set -Dtickwatch.dashboard.url or -Dtickwatch.bootstrap.servers");
    HeadlessChromium.assumeInstalled();
    DashboardServer server = null;
    try {
      if (url.isBlank()) {
        server = startServer(bootstrap);
        url = server.url() + "/";
      }
      measure(url);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static DashboardServer startServer(String bootstrap) {
    Map<String, String> config = new HashMap<>();
    config.put(DashboardConfig.HOST, "127.0.0.1");
    config.put(DashboardConfig.PORT, "0");
    config.put(DashboardConfig.BOOTSTRAP_SERVERS, bootstrap);
    config.put(
        DashboardConfig.SCHEMA_REGISTRY_URL,
        System.getProperty("tickwatch.schema.registry.url", "http://127.0.0.1:8081"));
    String query = System.getProperty("tickwatch.query.url", "");
    if (!query.isBlank()) {
      config.put(DashboardConfig.QUERY_URL, query);
    }
    return DashboardServer.create(DashboardConfig.fromMap(config)).start();
  }

  private static void measure(String url) throws IOException {
    Path screenshot =
        Path.of(System.getProperty("tickwatch.screenshot", "target/dashboard.png"))
            .toAbsolutePath();
    int height = Integer.getInteger("tickwatch.screenshot.height", 1800);
    String page0 = url + System.getProperty("tickwatch.dashboard.fragment", "");
    // the first page after a server start also pays for the server's warm-up
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      DashboardPage page = new DashboardPage(browser).open(page0);
      page.awaitCard("fleet");
      page.awaitChartPoints("1s");
      log.info(
          "first page: useful render {} ms; {}",
          page.awaitUsefulRenderMillis(),
          page.loadTimings());
    }
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      browser.driver().manage().window().setSize(new Dimension(1400, height));
      DashboardPage page = new DashboardPage(browser).open(page0);
      page.awaitCard("fleet");
      int points = page.awaitChartPoints("1s");
      log.info(
          "fresh browser: useful render {} ms; marks {}; {}; 1 s chart points {}",
          page.awaitUsefulRenderMillis(),
          page.marks(),
          page.loadTimings(),
          points);
      page.reload();
      page.awaitChartPoints("1s");
      log.info(
          "reload: useful render {} ms; {}", page.awaitUsefulRenderMillis(), page.loadTimings());
      Map<String, Object> bench = RenderBenchmark.run(browser, 9);
      log.info("uPlot, 20 series x 3600 points: {}", bench);
      Files.createDirectories(screenshot.getParent());
      Files.write(screenshot, browser.driver().getScreenshotAs(OutputType.BYTES));
      log.info("screenshot {}", screenshot);
      assertThat(browser.consoleErrors()).isEmpty();
      assertThat(page.pwned()).isFalse();
    }
  }
}
