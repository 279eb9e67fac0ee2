package io.tickwatch.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the browser at a dashboard that is already running, such as {@code ./tickwatch demo}:
 * {@code mvn -pl dashboard verify -Dit.test=LiveDashboardIT
 * -Dtickwatch.dashboard.url=http://127.0.0.1:8080/}. It logs the first-useful-render time and the
 * 20 x 3600-point render benchmark, and saves a screenshot ({@code -Dtickwatch.screenshot=PATH},
 * default target/dashboard.png). Skipped when no URL is given.
 */
class LiveDashboardIT {

  private static final Logger log = LoggerFactory.getLogger(LiveDashboardIT.class);

  @Test
  void shouldRenderARunningDashboardWithoutConsoleErrors() throws IOException {
    String url = System.getProperty("tickwatch.dashboard.url", "");
    assumeTrue(!url.isBlank(), "no running dashboard: set -Dtickwatch.dashboard.url");
    Path screenshot =
        Path.of(System.getProperty("tickwatch.screenshot", "target/dashboard.png"))
            .toAbsolutePath();
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      int height = Integer.getInteger("tickwatch.screenshot.height", 1800);
      browser.driver().manage().window().setSize(new Dimension(1400, height));
      DashboardPage page = new DashboardPage(browser).open(url);
      page.awaitCard("fleet");
      int points = page.awaitChartPoints("1s");
      long usefulMillis = page.awaitUsefulRenderMillis();
      log.info(
          "first useful render {} ms; marks {}; 1 s chart points {}",
          usefulMillis,
          page.marks(),
          points);
      Map<String, Object> bench = RenderBenchmark.run(browser, 9);
      log.info("render 20 x 3600 points: {}", bench);
      Files.createDirectories(screenshot.getParent());
      Files.write(screenshot, browser.driver().getScreenshotAs(OutputType.BYTES));
      log.info("screenshot {}", screenshot);
      assertThat(browser.consoleErrors()).isEmpty();
      assertThat(page.pwned()).isFalse();
    }
  }
}
