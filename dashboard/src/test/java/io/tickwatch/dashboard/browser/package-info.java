/**
 * Browser tests of the dashboard's single-page UI: a real server, real data and headless Chromium
 * driven by Selenium through Debian's {@code chromium} and {@code chromium-driver} packages ({@code
 * /usr/bin/chromium}, {@code /usr/bin/chromedriver}; other paths via the system properties {@code
 * tickwatch.chromium} and {@code tickwatch.chromedriver}). The tests are skipped with an assumption
 * message when the browser is absent.
 *
 * <p>{@link io.tickwatch.dashboard.browser.HeadlessChromium} starts one browser per test class and
 * collects the browser console; tests wait with {@code WebDriverWait} conditions, never sleeps, and
 * assert no wall-clock times (render timings are measured and logged, not asserted).
 */
package io.tickwatch.dashboard.browser;
