package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.ItemResult;
import org.vigil.web.TestServer;

/**
 * The headless-Chromium half of {@code org.vigil.hostile.HostileHtmlTest}: the hostile HTML
 * fixtures (src/test/resources/hostile/html) are captured and accepted, then a real browser opens
 * every page that shows them, and the archived original itself, and no script of theirs runs (no
 * alert dialog opens). Lives here because it shares {@link Chromium}.
 */
class HostileHtmlBrowserIT {
  @TempDir static Path data;
  @TempDir Path profile;
  static TestServer server;
  static final Map<String, String> ids = new LinkedHashMap<>();
  WebDriver driver;

  @RegisterExtension ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void startServer() throws Exception {
    server = TestServer.start(data);
    List<String> inputs;
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/hostile/html"))) {
      inputs = s.filter(p -> p.toString().endsWith(".html")).sorted().map(Path::toString).toList();
    }
    server
        .vigil()
        .ingest()
        .ingest(
            inputs,
            IngestOptions.defaults(),
            new IngestService.Listener() {
              @Override
              public void item(ItemResult r) {
                assertThat(r.error()).as(r.input()).isNull();
                ids.put(Path.of(r.input()).getFileName().toString(), r.sourceId());
              }
            });
    assertThat(ids).hasSize(inputs.size());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void startBrowser() {
    driver = Chromium.start(profile);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void noScriptFromAHostileSourceRunsInTheBrowser() {
    // guards the detector: a page that does run a script is seen
    driver.get("data:text/html,<script>alert('detector')</script>");
    assertThat(openAlert()).isEqualTo("detector");
    signIn("admin");
    List<String> pages = new ArrayList<>(List.of("/", "/sources", "/sources?q=alert", "/review"));
    for (String id : ids.values()) {
      pages.add("/sources/" + id);
      pages.add("/sources/" + id + "/original/view");
    }
    visitAll(pages, "pending");
    org.vigil.app.ScriptedReviewer.acceptAll(server.vigil(), "test-reviewer");
    List<String> after = new ArrayList<>(List.of("/records", "/map", "/timeline", "/network"));
    driver.get(server.base() + "/records");
    driver.findElements(By.cssSelector("a[href^='/records/']")).stream()
        .map(a -> a.getDomAttribute("href"))
        .filter(h -> h != null && h.matches("/records/[^/?#]+"))
        .distinct()
        .forEach(after::add);
    assertThat(after).hasSizeGreaterThan(4);
    visitAll(after, "accepted");
  }

  private void visitAll(List<String> pages, String stage) {
    for (String path : pages) {
      driver.get(server.base() + path);
      // handlers such as onload, onerror and autofocus fire right after load
      sleep(150);
      assertThat(openAlert()).as("alert on %s (%s)", path, stage).isNull();
    }
  }

  private String openAlert() {
    try {
      Alert a = driver.switchTo().alert();
      String text = a.getText();
      a.dismiss();
      return text;
    } catch (NoAlertPresentException e) {
      return null;
    }
  }

  private void signIn(String name) {
    driver.get(server.base() + "/login");
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("count-sources")));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
