package io.tickwatch.dashboard.browser;

import static io.tickwatch.dashboard.browser.TestData.HOSTILE_FRAME;
import static io.tickwatch.dashboard.browser.TestData.HOSTILE_HOST;
import static io.tickwatch.dashboard.browser.TestData.HOSTILE_LABEL;
import static io.tickwatch.dashboard.browser.TestData.HOSTILE_METRIC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.avro.StartProfiling;
import io.tickwatch.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard page in headless Chromium against a real server fed through Kafka: an in-JVM broker
 * with the real topics carries stats, alerts, action audits, an experiment with its evaluations, a
 * profile and raw samples, as the other services would publish them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Logger log = LoggerFactory.getLogger(DashboardBrowserIT.class);
  private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

  private DashboardFixture fixture;
  private HeadlessChromium browser;
  private DashboardPage page;
  private final AtomicLong sequence = new AtomicLong();

  @BeforeAll
  void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    fixture = DashboardFixture.startBroker();
    long now = System.currentTimeMillis();
    TestData.sendHistory(fixture, now, 180);
    fixture.send(
        Topics.ALERTS,
        TestData.HISTORY_ALERT,
        TestData.alert(
            TestData.HISTORY_ALERT,
            HOSTILE_HOST,
            HOSTILE_METRIC,
            "tick p99 above 50 ms on " + HOSTILE_HOST,
            now - 120_000),
        now - 120_000);
    fixture.send(
        Topics.ACTIONS,
        "host-1",
        TestData.action(TestData.HISTORY_ALERT, "host-1", now - 110_000),
        now - 110_000);
    fixture.send(
        Topics.PROFILES,
        TestData.PROFILE_ID,
        TestData.profile(TestData.HISTORY_ALERT, now - 100_000),
        now - 100_000);
    fixture.send(
        Topics.EXPERIMENTS,
        TestData.EXPERIMENT_ID,
        TestData.experiment(now - 900_000),
        now - 900_000);
    for (int i = 0; i < 20; i++) {
      long t = now - 600_000 + i * 30_000L;
      fixture.send(Topics.AB_RESULTS, TestData.EXPERIMENT_ID, TestData.abResult(i, t), t);
    }
    fixture.flush();
    fixture.startServer();
    browser = HeadlessChromium.start();
    page = new DashboardPage(browser);
  }

  @AfterAll
  void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (fixture != null) {
        fixture.close();
      }
    }
  }

  @Test
  void shouldLoadCardsChartsExperimentsAndProfilesWithoutConsoleErrors() throws Exception {
    page.open(fixture.url());

    WebElement fleet = page.awaitCard("fleet");
    for (String host : TestData.HOSTS) {
      page.awaitCard(host);
    }
    int points1s = page.awaitChartPoints("1s");
    int points10s = page.awaitChartPoints("10s");
    long usefulMillis = page.awaitUsefulRenderMillis();
    WebElement experiment =
        browser
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(
                        "#experiments .experiment[data-experiment='"
                            + TestData.EXPERIMENT_ID
                            + "']")));
    int convergencePoints =
        browser
            .waiting()
            .until(
                driver -> {
                  String n =
                      driver
                          .findElement(By.cssSelector("#convergence .convergence-p .chart-body"))
                          .getDomAttribute("data-points");
                  return n != null && Integer.parseInt(n) > 0 ? Integer.parseInt(n) : null;
                });
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#flame .frame")));

    log.info("first useful render {} ms, marks {}", usefulMillis, page.marks());
    assertThat(fleet.findElement(By.cssSelector("[data-field='tickP99Millis']")).getText())
        .endsWith("ms");
    assertThat(points1s).as("1 s points of the last hour").isGreaterThanOrEqualTo(170);
    assertThat(points10s).as("10 s points of the last 15 min").isGreaterThanOrEqualTo(80);
    // the latest of the 20 evaluations: p = 0.6 e^(-19/4), CI = -600 ± 2000 / sqrt(20)
    assertThat(experiment.getText())
        .contains("BETTER")
        .contains("astar-v2 vs control")
        .contains("[-1,047.214, -152.786]")
        .contains("0.005");
    assertThat(convergencePoints).isEqualTo(20);
    assertThat(browser.driver().findElement(By.id("flame")).getText())
        .contains("Pathfinding.search");
    assertThat(browser.driver().findElement(By.id("connection")).getText()).isEqualTo("live");
    assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

    String screenshot = System.getProperty("tickwatch.screenshot", "");
    if (!screenshot.isBlank()) {
      browser.driver().manage().window().setSize(new Dimension(1400, 1800));
      Files.write(Path.of(screenshot), browser.driver().getScreenshotAs(OutputType.BYTES));
      browser.driver().manage().window().setSize(new Dimension(1400, 1000));
    }
  }

  @Test
  void shouldAppendStatsPushedOverTheStream() throws Exception {
    page.open(fixture.url());
    int before = page.awaitChartPoints("1s");

    long start = System.currentTimeMillis() / 1000 * 1000 + 1000;
    for (int i = 0; i < 3; i++) {
      long t = start + i * 1000L;
      fixture.send(
          Topics.STATS_LIVE,
          TestData.statsKey(null, "tick.duration"),
          TestData.stats(null, "tick.duration", Map.of(), 1000, t, 13_000.0),
          t);
    }
    fixture.flush();

    int after =
        browser
            .waiting()
            .until(
                driver -> {
                  int n = page.chartPoints("1s");
                  return n >= before + 3 ? n : null;
                });
    assertThat(after).isGreaterThanOrEqualTo(before + 3);
  }

  @Test
  void shouldDrawRawMillisecondSamplesOfAHost() throws Exception {
    page.open(fixture.url());
    page.selectHost("host-1");
    new Select(browser.driver().findElement(By.id("metric-select")))
        .selectByValue("cpu.process.percent");
    page.awaitChartPoints("1s");

    long start = System.currentTimeMillis() - 500;
    fixture.send(
        Topics.SAMPLES,
        "host-1",
        TestData.samples("host-1", "cpu.process.percent", start, 200, sequence.incrementAndGet()),
        start);
    fixture.flush();

    assertThat(page.awaitChartPoints("1ms")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldShowAnAlertPublishedWhileThePageIsOpen() throws Exception {
    page.open(fixture.url());
    page.awaitAlert(TestData.HISTORY_ALERT);

    String fingerprint = "fp-live-" + sequence.incrementAndGet();
    long now = System.currentTimeMillis();
    fixture.send(
        Topics.ALERTS,
        fingerprint,
        TestData.alert(
            fingerprint, "host-2", "tick.duration", "tick p99 12 ms above baseline on host-2", now),
        now);
    fixture.flush();

    WebElement row = page.awaitAlert(fingerprint);
    assertThat(row.getText())
        .contains("FIRING")
        .contains("CRITICAL")
        .contains("host-2")
        .contains("tick p99 12 ms above baseline");
    assertThat(row.findElements(By.cssSelector("button.ack"))).hasSize(1);
  }

  @Test
  void shouldRenderHostileNamesAsTextAndRunNothing() {
    page.open(fixture.url());

    WebElement card = page.awaitCard(HOSTILE_HOST);
    WebElement alert = page.awaitAlert(TestData.HISTORY_ALERT);
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("flame"), HOSTILE_FRAME));
    List<String> metricOptions =
        new Select(browser.driver().findElement(By.id("metric-select")))
            .getOptions().stream().map(WebElement::getText).toList();

    assertThat(card.findElement(By.cssSelector(".card-title")).getText()).isEqualTo(HOSTILE_HOST);
    assertThat(alert.findElement(By.cssSelector(".alert-host")).getText()).isEqualTo(HOSTILE_HOST);
    assertThat(alert.findElement(By.cssSelector(".alert-metric")).getText())
        .isEqualTo(HOSTILE_METRIC);
    assertThat(alert.findElement(By.cssSelector(".alert-summary")).getText())
        .contains(HOSTILE_LABEL + "=label-value");
    assertThat(metricOptions).anyMatch(text -> text.contains(HOSTILE_METRIC));
    assertThat(browser.driver().findElement(By.id("experiments")).getText())
        .contains("Pathfinding v2 " + HOSTILE_HOST);

    // the hostile host's drill-down loads its charts through properly encoded URLs
    page.selectHost(HOSTILE_HOST);
    assertThat(page.awaitChartPoints("1s")).isGreaterThan(0);

    assertThat(page.pwned()).as("a hostile name ran script").isFalse();
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("main img, main iframe, main svg, main script")))
        .as("elements parsed from data")
        .isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void shouldRefuseAControlActionWithoutTheTokenAndPublishItWithTheToken() {
    page.open(fixture.url());
    browser.script("sessionStorage.clear();");
    Number status =
        (Number)
            browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('api/v1/control/profile', {method: 'POST',"
                    + " headers: {'Content-Type': 'application/json'},"
                    + " body: JSON.stringify({hostId: 'host-1', durationMillis: 1000, samplingIntervalMillis: 10})})"
                    + ".then(r => done(r.status), e => done(-1));");
    assertThat(status.intValue()).as("POST without Authorization").isEqualTo(401);

    page.selectHost("host-1");
    browser.driver().findElement(By.id("profile-button")).click();
    page.enterToken("not-the-token-0123456789");
    String refused = page.awaitMessage("Start profiling host-1: refused");
    assertThat(refused).contains("401");

    browser.driver().findElement(By.id("profile-button")).click();
    page.enterToken(DashboardFixture.TOKEN);
    String accepted = page.awaitMessage("Start profiling host-1: accepted");
    String commandId = accepted.replaceAll(".*\\(command ([^)]+)\\).*", "$1");

    List<ControlCommand> commands = fixture.controlCommands("host-1", 1, KAFKA_WAIT);
    assertThat(commands).hasSize(1);
    ControlCommand command = commands.get(0);
    assertThat(command.getCommandId()).isEqualTo(commandId);
    assertThat(command.getPayload()).isInstanceOf(StartProfiling.class);
    assertThat(((StartProfiling) command.getPayload()).getDurationMillis()).isEqualTo(30_000);

    // the token is kept for the tab: the next action asks only for confirmation
    browser.driver().findElement(By.id("shed-button")).click();
    browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    page.awaitMessage("Shed 25 % load on host-1: accepted");
    List<ControlCommand> both = fixture.controlCommands("host-1", 2, KAFKA_WAIT);
    assertThat(both).hasSize(2);
    assertThat(both.get(1).getPayload()).isInstanceOf(ShedLoad.class);
    assertThat(((ShedLoad) both.get(1).getPayload()).getFraction()).isEqualTo(0.25);

    // Chromium logs every refused request as a failed resource load; those are the only errors
    assertThat(browser.consoleErrors())
        .hasSize(2)
        .allMatch(error -> error.contains("/api/v1/control/profile") && error.contains("401"));
  }

  @Test
  void shouldAskForTheTokenBeforeAnAckAndSendNothingWhenCancelled() {
    page.open(fixture.url());
    browser.script("sessionStorage.clear();");
    page.awaitAlert(TestData.HISTORY_ALERT).findElement(By.cssSelector("button.ack")).click();

    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
    browser.driver().findElement(By.id("token-cancel")).click();

    assertThat(page.awaitMessage("Ack " + TestData.HISTORY_ALERT)).contains("cancelled");
    assertThat(browser.driver().findElement(By.id("token-dialog")).isDisplayed()).isFalse();
    assertThat(browser.consoleErrors()).as("no request was sent, so none was refused").isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldKeepLiveSeriesBuffersBoundedAndOrdered() {
    page.open(fixture.url());
    Map<String, Object> result =
        (Map<String, Object>)
            browser.asyncScript(
                """
                const done = arguments[arguments.length - 1];
                import(new URL('js/buffer.js', document.baseURI).href).then(({SeriesBuffer}) => {
                  const buffer = new SeriesBuffer(100);
                  for (let i = 0; i < 1000; i++) buffer.append(i * 1000, i, i, i);
                  const length = buffer.length;
                  const t = buffer.data()[0];
                  const oldest = t[0];
                  buffer.append(t[t.length - 1], -1, -1, -1);
                  const replaced = buffer.data()[1][buffer.length - 1];
                  buffer.append(t[t.length - 1] - 500, 5, 5, 5);
                  buffer.append([2000000, 2001000], [1, 2], [1, 2], [1, 2]);
                  const all = buffer.data()[0];
                  done({length, oldest, replaced,
                        sorted: all.every((v, i) => i === 0 || all[i - 1] < v),
                        newest: all[all.length - 1], columns: buffer.data().map((c) => c.length)});
                }, (e) => done({error: String(e)}));
                """);
    assertThat(result).doesNotContainKey("error");
    assertThat(((Number) result.get("length")).intValue()).isBetween(100, 116);
    assertThat(((Number) result.get("oldest")).longValue())
        .as("oldest points dropped")
        .isPositive();
    assertThat(((Number) result.get("replaced")).intValue())
        .as("same window replaced")
        .isEqualTo(-1);
    assertThat(result.get("sorted")).isEqualTo(true);
    assertThat(((Number) result.get("newest")).longValue()).isEqualTo(2_001_000L);
    assertThat((List<Object>) result.get("columns"))
        .as("columns stay aligned")
        .containsOnly(((List<Object>) result.get("columns")).get(0));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldFormatMicrosecondLatenciesInMicroseconds() {
    page.open(fixture.url());
    Map<String, Object> result =
        (Map<String, Object>)
            browser.asyncScript(
                """
                const done = arguments[arguments.length - 1];
                import(new URL('js/format.js', document.baseURI).href).then(({fmtLatencyMillis}) => {
                  done({micros: fmtLatencyMillis(0.35), small: fmtLatencyMillis(0.0042),
                        millis: fmtLatencyMillis(12.345), seconds: fmtLatencyMillis(1500),
                        rounded: fmtLatencyMillis(0.9996), unknown: fmtLatencyMillis('NaN')});
                }, (e) => done({error: String(e)}));
                """);
    assertThat(result)
        .containsEntry("micros", "350 µs")
        .containsEntry("small", "4.2 µs")
        .containsEntry("millis", "12.3 ms")
        .containsEntry("seconds", "1.5 s")
        .containsEntry("rounded", "1 ms")
        .containsEntry("unknown", "—");
  }

  @Test
  void shouldDrawAnHourOfOneSecondDataForTwentySeries() {
    page.open(fixture.url());
    Map<String, Object> result = RenderBenchmark.run(browser, 9);
    log.info("uPlot, 20 series x 3600 points: {}", result);
    assertThat(result).doesNotContainKey("error");
    assertThat(((Number) result.get("points")).intValue())
        .isEqualTo(RenderBenchmark.SERIES * RenderBenchmark.POINTS);
  }
}
