package org.vigil.web.browser;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/** Keeps a screenshot of the page a browser test failed on, under target/browser-screenshots. */
final class ScreenshotOnFailure implements AfterTestExecutionCallback {
  private final Supplier<WebDriver> driver;

  ScreenshotOnFailure(Supplier<WebDriver> driver) {
    this.driver = driver;
  }

  // runs before @AfterEach quits the browser (a TestWatcher would run after it)
  @Override
  public void afterTestExecution(ExtensionContext context) {
    WebDriver d = driver.get();
    if (d != null && context.getExecutionException().isPresent()) {
      Path saved =
          Chromium.screenshot(
              d, context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName());
      if (saved != null) {
        System.err.println("screenshot of the failure: " + saved.toAbsolutePath());
      }
    }
  }
}
