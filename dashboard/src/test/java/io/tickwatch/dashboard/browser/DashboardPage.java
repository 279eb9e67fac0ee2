package io.tickwatch.dashboard.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dashboard's single page as the tests see it: selectors and waits in one place. */
final class DashboardPage {

  private final HeadlessChromium browser;

  DashboardPage(HeadlessChromium browser) {
    this.browser = browser;
  }

  /** Opens the page and waits until its first loading round (every API call) is done. */
  DashboardPage open(String baseUrl) {
    browser.resetConsole();
    // a new document even when only the fragment differs from the current URL
    browser.driver().get("about:blank");
    browser.driver().get(baseUrl);
    browser
        .waiting()
        .until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-loaded", "true"));
    return this;
  }

  /** Reloads the page and waits like {@link #open}. */
  DashboardPage reload() {
    browser.resetConsole();
    browser.driver().navigate().refresh();
    browser
        .waiting()
        .until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-loaded", "true"));
    return this;
  }

  /** Waits until the card of this host ("fleet" for the fleet) shows at least one number. */
  WebElement awaitCard(String hostId) {
    return browser
        .waiting()
        .until(
            driver ->
                cards().stream()
                    .filter(card -> hostId.equals(card.getDomAttribute("data-host")))
                    .filter(card -> "true".equals(card.getDomAttribute("data-ready")))
                    .findFirst()
                    .orElse(null));
  }

  List<WebElement> cards() {
    return browser.driver().findElements(By.cssSelector("#cards .card"));
  }

  /** Points the chart of this resolution draws now (0 when the chart is absent). */
  int chartPoints(String resolution) {
    List<WebElement> found =
        browser
            .driver()
            .findElements(
                By.cssSelector("#charts .chart[data-resolution='" + resolution + "'] .chart-body"));
    if (found.isEmpty()) return 0;
    String points = found.get(0).getDomAttribute("data-points");
    return points == null ? 0 : Integer.parseInt(points);
  }

  /** Waits until the chart of this resolution ("1ms", "1s", "10s") draws at least one point. */
  int awaitChartPoints(String resolution) {
    By body = By.cssSelector("#charts .chart[data-resolution='" + resolution + "'] .chart-body");
    return browser
        .waiting()
        .until(
            driver -> {
              List<WebElement> found = driver.findElements(body);
              if (found.isEmpty()) return null;
              String points = found.get(0).getDomAttribute("data-points");
              int n = points == null ? 0 : Integer.parseInt(points);
              return n > 0 ? n : null;
            });
  }

  /** Waits until an alert row with this fingerprint is shown. */
  WebElement awaitAlert(String fingerprint) {
    return browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(
                    "#alerts-body tr[data-fingerprint='" + cssString(fingerprint) + "']")));
  }

  /** Waits until the newest message in the top bar contains this text; returns the message. */
  String awaitMessage(String containing) {
    return browser
        .waiting()
        .until(
            driver -> {
              List<WebElement> items = driver.findElements(By.cssSelector("#messages li"));
              return items.stream()
                  .map(WebElement::getText)
                  .filter(text -> text.contains(containing))
                  .findFirst()
                  .orElse(null);
            });
  }

  /** Selects a host's drill-down by clicking its card. */
  void selectHost(String hostId) {
    awaitCard(hostId).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.id("scope-title"), "Host " + hostId));
  }

  /** Types the access token into the dialog the page opens for a control action. */
  void enterToken(String token) {
    WebElement input =
        browser
            .waiting()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
    input.sendKeys(token);
    browser.driver().findElement(By.id("token-ok")).click();
  }

  /** The page's performance marks ("tickwatch:cards", ...) in milliseconds from navigation. */
  @SuppressWarnings("unchecked")
  Map<String, Object> marks() {
    return (Map<String, Object>)
        browser.script(
            "const out = {};"
                + "for (const m of performance.getEntriesByType('mark'))"
                + "  if (m.name.startsWith('tickwatch:')) out[m.name] = m.startTime;"
                + "return out;");
  }

  /**
   * Where the time of the page load went, in milliseconds from navigation start: document response,
   * DOMContentLoaded, scripts loaded, and the end of the first overview and 1 s series responses.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> loadTimings() {
    return (Map<String, Object>)
        browser.script(
            "const nav = performance.getEntriesByType('navigation')[0];"
                + "const res = performance.getEntriesByType('resource');"
                + "const end = (part) => { const r = res.find((e) => e.name.includes(part));"
                + "  return r ? Math.round(r.responseEnd) : null; };"
                + "return {document: Math.round(nav.responseEnd),"
                + " domContentLoaded: Math.round(nav.domContentLoadedEventEnd),"
                + " uplot: end('uPlot.iife'), appJs: end('app.js'), overview: end('api/v1/overview'),"
                + " catalog: end('metrics-catalog'), series1s: end('resolution=1s'),"
                + " resources: res.length};");
  }

  /** Milliseconds from navigation until cards and the first chart had data (after waiting). */
  long awaitUsefulRenderMillis() {
    String value =
        browser
            .waiting()
            .until(
                driver ->
                    driver
                        .findElement(By.tagName("html"))
                        .getDomAttribute("data-useful-render-millis"));
    return Long.parseLong(value);
  }

  /** Whether a hostile name's onerror handler ran anywhere in the page. */
  boolean pwned() {
    return Boolean.TRUE.equals(browser.script("return window.__pwned !== undefined;"));
  }

  private static String cssString(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
