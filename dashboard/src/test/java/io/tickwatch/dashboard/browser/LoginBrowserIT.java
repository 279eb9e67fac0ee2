package io.tickwatch.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.dashboard.http.ReadGuard;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login of a dashboard whose reads need the token, in headless Chromium: the page asks for the
 * token instead of failing, a wrong one is refused, the right one loads the dashboard with an
 * HttpOnly cookie (the page keeps no token), and the {@code /?token=} link logs in and leaves the
 * address bar without the token. Bound to this machine's non-loopback IPv4 address when it has one,
 * else to 127.0.0.1 with {@code dashboard.read.token=always}. No Kafka: empty state suffices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBrowserIT {

  private static final Logger LOG = LoggerFactory.getLogger(LoginBrowserIT.class);
  private static final String TOKEN = "login-browser-test-token-0123456789";

  private DashboardServer server;
  private HeadlessChromium browser;

  @BeforeAll
  void start() throws SocketException {
    HeadlessChromium.assumeInstalled();
    Map<String, String> config = new HashMap<>();
    config.put(DashboardConfig.PORT, "0");
    config.put(DashboardConfig.TOKEN, TOKEN);
    Optional<String> address = nonLoopbackAddress();
    if (address.isPresent()) {
      config.put(DashboardConfig.HOST, address.get());
    } else {
      config.put(DashboardConfig.READ_TOKEN, "always");
    }
    server = DashboardServer.create(DashboardConfig.fromMap(config));
    server.start();
    LOG.info("login browser test against {}", server.url());
    browser = HeadlessChromium.start();
  }

  @AfterAll
  void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static Optional<String> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(
            n -> {
              try {
                return n.isUp() && !n.isLoopback();
              } catch (SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .map(InetAddress::getHostAddress)
        .findFirst();
  }

  /** A fresh start: no cookie of the server's origin, an empty console. */
  private void forgetSession() {
    browser.driver().get(server.url() + "/health");
    browser.driver().manage().deleteAllCookies();
    browser.resetConsole();
  }

  private void awaitLoaded() {
    // the page reloads itself after a login: an element found just before the reload goes stale
    browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-loaded", "true"));
    browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.textToBe(By.id("connection"), "live"));
  }

  private void submitToken(String token) {
    WebElement input = browser.driver().findElement(By.id("login-token"));
    input.clear();
    input.sendKeys(token);
    browser.driver().findElement(By.id("login-submit")).click();
  }

  @Test
  void shouldAskForTheTokenThenLoadWithAnHttpOnlySessionCookie() {
    forgetSession();
    browser.driver().get(server.url() + "/");
    browser
        .waiting()
        .until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-login", "required"));
    assertThat(browser.driver().findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.tagName("main")).isDisplayed()).isFalse();
    // the page asked first instead of firing requests that fail
    assertThat(browser.consoleErrors()).isEmpty();

    submitToken("not-the-token-at-all");
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBe(
                By.id("login-status"), "The access token was not accepted."));
    assertThat(browser.driver().manage().getCookieNamed(ReadGuard.COOKIE)).isNull();

    submitToken(TOKEN);
    awaitLoaded();
    assertThat(browser.driver().findElement(By.id("login")).isDisplayed()).isFalse();
    Cookie cookie = browser.driver().manage().getCookieNamed(ReadGuard.COOKIE);
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getValue()).doesNotContain(TOKEN);
    assertThat((String) browser.script("return document.cookie")).doesNotContain(ReadGuard.COOKIE);
    assertThat((String) browser.script("return JSON.stringify(Object.entries(sessionStorage))"))
        .doesNotContain(TOKEN);
  }

  @Test
  void shouldLogInThroughTheTokenLinkAndDropTheTokenFromTheAddress() {
    forgetSession();
    browser.driver().get(server.browserUrl());
    awaitLoaded();
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(server.url() + "/");
    assertThat(browser.driver().manage().getCookieNamed(ReadGuard.COOKIE)).isNotNull();
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
