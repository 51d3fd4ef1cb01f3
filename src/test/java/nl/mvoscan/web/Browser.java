package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Where they are missing the
 * browser tests are skipped with a message, except in CI ({@code CI} or {@code
 * MVOSCAN_TEST_BROWSER} set), where a missing browser fails them.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static boolean required() {
    String ci = System.getenv("CI");
    String browser = System.getenv("MVOSCAN_TEST_BROWSER");
    return (ci != null && !ci.isBlank() && !ci.equals("false"))
        || (browser != null && !browser.isBlank());
  }

  /** Skips (locally) or fails (in CI) when the browser is not installed. */
  static void assumeInstalled() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && required()) {
      throw new AssertionError(
          "browser tests must run here: install Debian's chromium and chromium-driver"
              + " (apt-get install -y chromium chromium-driver)");
    }
    Assumptions.assumeTrue(
        present,
        "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing"
            + " (apt-get install -y chromium chromium-driver)");
  }

  /** A fresh headless Chromium with its own empty profile, at {@code width}×{@code height}. */
  static Browser open(int width, int height, boolean javascript) throws IOException {
    assumeInstalled();
    Path profile = Files.createTempDirectory("mvoscan-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--lang=nl-NL",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(width, height));
    return new Browser(driver, profile);
  }

  /**
   * Clicks a button or link that loads a new page, and waits until the new page has loaded. The old
   * page is marked in its window object: an element reference from it cannot be used for the wait,
   * because mid-navigation chromedriver may answer "Node with given id does not belong to the
   * document" instead of reporting the element as stale.
   */
  void go(org.openqa.selenium.WebElement element) {
    driver.executeScript("window.__mvoscanOldPage = true;");
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return window.__mvoscanOldPage === undefined"
                                + " && document.readyState === 'complete';")));
  }

  /** The page as a PNG under target/screenshots, for a person to look at. */
  void shot(String name) throws IOException {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    Files.writeString(SHOTS.resolve(name + ".html"), driver.getPageSource());
  }

  /** The whole page, however long, as one PNG (through the DevTools protocol). */
  void fullShot(String name) throws IOException {
    Files.createDirectories(SHOTS);
    Object result =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
    @SuppressWarnings("unchecked")
    String data = ((Map<String, Object>) result).get("data").toString();
    long height =
        ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
    assertThat(height).isPositive();
    Files.write(SHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode(data));
    Files.writeString(SHOTS.resolve(name + ".html"), driver.getPageSource());
  }

  /** axe-core, from npm, injected into the page; the serious and critical violations it finds. */
  List<String> seriousViolations() throws IOException {
    Path axe = axeScript();
    driver.executeScript(Files.readString(axe));
    Object result =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical';"
                + "  }).map(function (v) {"
                + "    return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');"
                + "  }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) result;
    return list;
  }

  /** Where .ci/run (or a developer) put axe-core: npm install --prefix target/axe axe-core. */
  static Path axeScript() {
    String configured = System.getenv("MVOSCAN_AXE");
    Path path =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
    if (!Files.isRegularFile(path) && required()) {
      throw new AssertionError(
          "axe-core is missing at " + path + ": npm install --prefix target/axe axe-core");
    }
    Assumptions.assumeTrue(
        Files.isRegularFile(path),
        "accessibility test skipped: axe-core is missing at "
            + path
            + " (npm install --prefix target/axe axe-core)");
    return path;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.deleteIfExists(p);
                  } catch (IOException e) {
                    // a profile file Chromium still holds is left for the OS to clean
                  }
                });
      }
    }
  }
}
