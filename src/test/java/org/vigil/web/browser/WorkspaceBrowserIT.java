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
