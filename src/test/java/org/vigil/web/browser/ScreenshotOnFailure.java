package org.vigil.web.browser;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebDriver;

/** Keeps a screenshot of the page a browser test failed on, under target/browser-screenshots. */
final class ScreenshotOnFailure implements TestWatcher {
  private final Supplier<WebDriver> driver;

  ScreenshotOnFailure(Supplier<WebDriver> driver) {
    this.driver = driver;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    WebDriver d = driver.get();
    if (d != null) {
      Path saved =
          Chromium.screenshot(
              d, context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName());
      if (saved != null) {
        System.err.println("screenshot of the failure: " + saved.toAbsolutePath());
      }
    }
  }
}
