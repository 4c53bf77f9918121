package org.vigil.web.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

class ExploreControllerTest {
  @TempDir static Path data;
  static TestServer server;
  static TestBrowser viewer;

  @BeforeAll
  static void start() {
    server = TestServer.start(data).withSamples();
    viewer = server.signedIn(Role.VIEWER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void mapFeaturesAreGeoJsonPointsWithLinksToRecords() throws Exception {
    JsonNode fc = json(viewer.get("/api/v1/map/features"));
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features").size()).isGreaterThan(0);
    for (JsonNode f : fc.get("features")) {
      JsonNode xy = f.get("geometry").get("coordinates");
      assertThat(xy.get(0).asDouble()).isBetween(-180.0, 180.0);
      assertThat(xy.get(1).asDouble()).isBetween(-90.0, 90.0);
      assertThat(f.get("properties").get("url").asText()).startsWith("/records/");
      assertThat(f.get("properties").get("layer").asText()).isIn("station", "incident");
    }
  }

  @Test
  void mapFiltersNarrowTheFeatures() throws Exception {
    int all = json(viewer.get("/api/v1/map/features")).get("features").size();
    JsonNode stations = json(viewer.get("/api/v1/map/features?layer=station"));
    assertThat(stations.get("features"))
        .allSatisfy(
            f -> assertThat(f.get("properties").get("layer").asText()).isEqualTo("station"));
    JsonNode none = json(viewer.get("/api/v1/map/features?agency=No+Such+Bureau"));
    assertThat(none.get("features").size()).isZero();
    assertThat(stations.get("features").size()).isLessThanOrEqualTo(all);
  }

  @Test
  void invalidFilterIsA400WithTheField() throws Exception {
    HttpResponse<String> r = viewer.get("/api/v1/map/features?from=20x1&layer=boats");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode fields = json(r).get("error").get("fields");
    assertThat(fields.has("from")).isTrue();
    assertThat(fields.has("layer")).isTrue();
  }

  @Test
  void networkLinksStationsToTheirAgencies() throws Exception {
    JsonNode g = json(viewer.get("/api/v1/network"));
    assertThat(g.get("nodes").size()).isGreaterThan(0);
    java.util.Set<String> ids = new java.util.HashSet<>();
    g.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
    for (JsonNode e : g.get("edges")) {
      assertThat(ids).contains(e.get("source").asText(), e.get("target").asText());
    }
  }

  @Test
  void statsApiListsTheClaimsBehindEachFigure() throws Exception {
    JsonNode stats = json(viewer.get("/api/v1/stats"));
    JsonNode rows = stats.get("stations_by_host_country").get("rows");
    assertThat(rows.size()).isGreaterThan(0);
    assertThat(rows.get(0).get("claimIds").size()).isGreaterThan(0);
  }

  @Test
  void pagesRenderInBothLanguages() {
    for (String path : new String[] {"/map", "/network", "/timeline", "/exports"}) {
      HttpResponse<String> r = viewer.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
    }
    assertThat(viewer.get("/map").body()).contains("id=\"map\"").contains("data-features=");
    TestBrowser zh = server.signedIn(Role.VIEWER);
    zh.get("/lang/zh?next=%2F");
    assertThat(zh.get("/map").body()).contains("服务站与事件");
  }

  @Test
  void exportsDownloadInEveryFormat() {
    HttpResponse<String> geo = viewer.get("/exports/geojson");
    assertThat(geo.statusCode()).isEqualTo(200);
    assertThat(geo.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    assertThat(geo.body()).contains("FeatureCollection");
    assertThat(viewer.get("/exports/ftm").body()).contains("\"schema\"");
    assertThat(viewer.get("/exports/csv").headers().firstValue("Content-Type").orElseThrow())
        .contains("zip");
    assertThat(viewer.get("/exports/xml").statusCode()).isEqualTo(400);
  }

  @Test
  void timelineEventsAreDatedAndSorted() throws Exception {
    JsonNode events = json(viewer.get("/api/v1/timeline"));
    String previous = "";
    for (JsonNode e : events) {
      assertThat(e.get("kind").asText()).isIn("incident", "response");
      assertThat(e.get("date").asText()).isGreaterThanOrEqualTo(previous);
      previous = e.get("date").asText();
    }
  }

  @Test
  void anonymousCallersGetNoData() {
    HttpResponse<String> r = server.browser().get("/api/v1/map/features");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).doesNotContain("Feature\"");
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JsonViews.mapper().readTree(r.body());
  }
}
