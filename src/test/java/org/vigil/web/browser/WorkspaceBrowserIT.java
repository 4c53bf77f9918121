package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.web.TestServer;

/** The workspace in a real headless Chromium, over a server on port 0 with the sample record. */
class WorkspaceBrowserIT {
  @TempDir static Path data;
  @TempDir Path profile;
  static TestServer server;
  WebDriver driver;

  @RegisterExtension ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void startServer() {
    server = TestServer.start(data).withSamples();
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

  private void signIn(String name) {
    driver.get(server.base() + "/login");
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("count-sources")));
  }

  private WebDriverWait wait(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  @Test
  void signInSwitchToChineseAndSignOut() {
    signIn("analyst");
    assertThat(Long.parseLong(driver.findElement(By.id("count-sources")).getText())).isPositive();
    driver.findElement(By.id("lang-switch")).click();
    wait(10).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-Hans"));
    assertThat(driver.findElement(By.cssSelector("nav.site-nav")).getText()).contains("来源");
    driver.findElement(By.id("logout")).click();
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    driver.get(server.base() + "/");
    assertThat(driver.getCurrentUrl()).contains("/login");
  }

  @Test
  void stationsShowOnTheOfflineMapAndInTheDashboardCharts() {
    signIn("viewer");
    assertThat(driver.findElements(By.cssSelector("canvas[data-chart]"))).isNotEmpty();
    driver.get(server.base() + "/map");
    // markers or clusters drawn by Leaflet from /api/v1/map/features, over the bundled base map
    wait(20)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".leaflet-marker-icon, .marker-cluster")));
    assertThat(
            driver.findElements(
                By.cssSelector(".leaflet-basemap-pane canvas, .leaflet-basemap-pane path")))
        .as("country outlines from the bundled world atlas")
        .isNotEmpty();
  }

  /**
   * The path through the workspace: upload a page, accept its station proposal from the
   * review queue, see one more station on the map and its country in the dashboard's statistics.
   */
  @Test
  void analystUploadsASourceAcceptsItsStationAndSeesItOnTheMapAndInTheStats() {
    signIn("analyst");
    int before = stationsOnMap();

    driver.get(server.base() + "/sources/capture");
    driver
        .findElement(By.cssSelector("#upload-form input[type=file]"))
        .sendKeys(
            Path.of("src/test/resources/web/upload-station.html").toAbsolutePath().toString());
    driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
    wait(60)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".upload-status"), "captured"));

    driver.get(server.base() + "/review?kind=station");
    org.openqa.selenium.WebElement row =
        driver.findElements(By.cssSelector(".proposal")).stream()
            .filter(e -> e.getText().contains("Porto"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no station proposal for Porto in the queue"));
    row.findElement(By.cssSelector("form[data-review=accept] button[type=submit]")).click();
    // the queue reloads after the post: wait for the old row to go and the confirmation to show
    wait(20).until(ExpectedConditions.stalenessOf(row));
    wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));

    assertThat(stationsOnMap()).isEqualTo(before + 1);
    driver.get(server.base() + "/");
    String stats =
        driver
            .findElement(By.id("chart-stations-by-host-country-data"))
            .getAttribute("textContent");
    assertThat(stats).contains("\"PT\"");
  }

  @Test
  void aViewerSeesTheQueueButNoActionsAndCannotPostOne() {
    signIn("viewer");
    driver.get(server.base() + "/review");
    assertThat(driver.findElements(By.cssSelector(".proposal"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("form[data-review=accept]"))).isEmpty();
    // a hand-made form post from the viewer's page is refused by the server
    Object status =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const id = document.querySelector('.proposal').id.replace('proposal-', '');"
                    + "const token = document.querySelector('meta[name=csrf-token]').content;"
                    + "fetch('/review/' + id + '/reject', {method: 'POST', headers:"
                    + " {'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': token},"
                    + " body: 'version=1&reason=nope'}).then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    driver.get(server.base() + "/sources/capture");
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("403");
  }

  /** The station count the map prints once its features have loaded. */
  private int stationsOnMap() {
    driver.get(server.base() + "/map?layer=station");
    wait(20)
        .until(
            ExpectedConditions.textMatches(
                By.cssSelector(".map-status"), java.util.regex.Pattern.compile("\\d")));
    String text = driver.findElement(By.cssSelector(".map-status")).getText();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void wrongPasswordShowsAnErrorAndNoSession() {
    driver.get(server.base() + "/login");
    driver.findElement(By.id("name")).sendKeys("viewer");
    driver.findElement(By.id("password")).sendKeys("definitely wrong");
    driver.findElement(By.id("login-submit")).click();
    assertThat(driver.findElement(By.id("login-error")).getText()).isNotBlank();
    driver.get(server.base() + "/");
    assertThat(driver.getCurrentUrl()).contains("/login");
  }
}
