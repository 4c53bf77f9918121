package org.vigil.web.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, with the flags that keep it off the
 * network (this machine's network is closed; Chromium's background services would otherwise retry
 * Google hosts). Paths are explicit so Selenium Manager never tries to download a browser.
 *
 * <p>When Chromium is not installed the browser tests are skipped, unless {@code
 * VIGIL_BROWSER_TESTS=required} (set by {@code .ci/run}, which installs it), where its absence
 * fails the build.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private Chromium() {}

  static WebDriver start(Path profile) {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!present && "required".equals(System.getenv("VIGIL_BROWSER_TESTS"))) {
      throw new IllegalStateException(
          "browser tests are required but "
              + BROWSER
              + " or "
              + DRIVER
              + " is missing"
              + " (apt-get install chromium chromium-driver fonts-noto-cjk)");
    }
    Assumptions.assumeTrue(present, "Chromium not installed: browser tests skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,900",
        "--lang=en-US",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /** Saves a PNG of the current page for a failed test; returns where, or null. */
  static Path screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(file, png);
      return file;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
