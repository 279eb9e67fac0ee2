package io.tickwatch.dashboard.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven through chromedriver, with its own temporary profile. The browser
 * console is recorded (every level), so a test can assert that a page logged no errors.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("tickwatch.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("tickwatch.chromedriver", "/usr/bin/chromedriver"));

  /** How long a wait for the page may take on a loaded 2-core machine before the test fails. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profileDir;
  private final List<LogEntry> console = new ArrayList<>();

  private HeadlessChromium(ChromeDriver driver, Path profileDir) {
    this.driver = driver;
    this.profileDir = profileDir;
  }

  /** Skips the calling test (JUnit assumption) when Chromium or chromedriver is not installed. */
  static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests need Chromium and chromedriver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); install Debian's packages: apt-get install chromium chromium-driver");
  }

  /** Starts a browser with a 1400 x 1000 window. */
  static HeadlessChromium start() {
    assumeInstalled();
    Path profileDir;
    try {
      profileDir = Files.createTempDirectory("tickwatch-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profileDir);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    try {
      return new HeadlessChromium(new ChromeDriver(service, options), profileDir);
    } catch (RuntimeException e) {
      deleteRecursively(profileDir);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  /** Runs a script in the page and returns its result (Selenium's type mapping). */
  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs an asynchronous script: its last argument is the callback that ends it. */
  Object asyncScript(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** Forgets the console entries so far (each test looks at its own page's console). */
  void resetConsole() {
    driver.manage().logs().get(LogType.BROWSER);
    console.clear();
  }

  /**
   * Every console entry since the last {@link #resetConsole} (chromedriver hands each entry out
   * once; this keeps them).
   */
  List<LogEntry> console() {
    driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
    return List.copyOf(console);
  }

  /** Console entries at level SEVERE: uncaught errors, failed loads, CSP violations. */
  List<String> consoleErrors() {
    return console().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profileDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
