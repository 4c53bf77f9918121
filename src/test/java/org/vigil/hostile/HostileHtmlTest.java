package org.vigil.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.ItemResult;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

/**
 * Script in ingested HTML: every fixture under {@code hostile/html/} is one case (script in the
 * title and text, event-handler attributes, SVG and MathML payloads, {@code javascript:} and {@code
 * data:} links, meta refresh, base and style tricks). Each is captured through the real ingest
 * path, then every page and JSON feed that shows source content is fetched and checked: the strict
 * Content-Security-Policy header is there, and the parsed HTML holds no executable markup except
 * our own {@code /static/} scripts and inert JSON data blocks.
 */
class HostileHtmlTest {
  @TempDir static Path data;
  static TestServer server;
  static final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data).withSamples();
    List<String> inputs;
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/hostile/html"))) {
      inputs = s.sorted().map(Path::toString).toList();
    }
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(5);
    server
        .vigil()
        .ingest()
        .ingest(
            inputs,
            IngestOptions.defaults(),
            new IngestService.Listener() {
              @Override
              public void item(ItemResult r) {
                // hostile markup is not a reason to refuse a page: it is captured and neutralised
                assertThat(r.error()).as(r.input()).isNull();
                ids.put(Path.of(r.input()).getFileName().toString(), r.sourceId());
              }
            });
    assertThat(ids).hasSize(inputs.size());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every page showing source content, with the hostile sources reachable from it. */
  static List<String> pages() {
    List<String> pages = new ArrayList<>();
    pages.addAll(
        List.of(
            "/",
            "/sources",
            "/sources?q=" + enc("station notice"),
            "/sources?q=" + enc("Prague"),
            "/sources?q=" + enc("Lisbon comments"),
            "/sources?q=" + enc("Budapest"),
            "/sources?q=" + enc("Madrid"),
            "/sources?q=" + enc("Milan desk"),
            "/sources?q=" + enc("alert"),
            "/review",
            "/records",
            "/map",
            "/timeline",
            "/network"));
    for (String id : ids.values()) {
      pages.add("/sources/" + id);
      pages.add("/review?source=" + id);
    }
    // record pages: whatever the records list links to (the samples build at least one)
    Document list = Jsoup.parse(server.signedIn(Role.VIEWER).get("/records").body());
    List<String> records =
        list.select("a[href^=/records/]").stream()
            .map(a -> a.attr("href"))
            .filter(h -> h.matches("/records/[^/?#]+"))
            .distinct()
            .limit(60)
            .toList();
    assertThat(records).as("record pages to check").isNotEmpty();
    pages.addAll(records);
    return pages;
  }

  @Test
  void noPageShowingSourceContentCarriesExecutableMarkup() {
    TestBrowser b = server.signedIn(Role.ADMIN);
    // first while the hostile pages' proposals wait in the review queue
    checkEveryPage(b, "pending review");
    // then after a reviewer accepted them all: their quotes and titles are now in claims and
    // records, on the map, the timeline and the network
    org.vigil.app.ScriptedReviewer.acceptAll(server.vigil(), "test-reviewer");
    assertThat(server.vigil().records().count()).isPositive();
    checkEveryPage(b, "accepted");
    // the check reached pages that really carry the hostile text, not only harmless ones
    long recordPagesWithHostileText =
        pages().stream()
            .filter(p -> p.startsWith("/records/"))
            .filter(p -> b.get(p).body().contains("alert("))
            .count();
    assertThat(recordPagesWithHostileText).as("record pages quoting hostile sources").isPositive();
  }

  @Test
  void theCheckWouldCatchEveryFixtureIfItWereServedRaw() throws Exception {
    // guards the checker itself: each fixture, parsed as a browser would, must fail it
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/hostile/html"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        Document raw = Jsoup.parse(Files.readString(f), server.base());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> assertInert(raw, f.getFileName().toString()))
            .as(f.getFileName().toString())
            .isInstanceOf(AssertionError.class);
      }
    }
  }

  private static void checkEveryPage(TestBrowser b, String stage) {
    Intact before = Intact.of(server.vigil());
    for (String path : pages()) {
      HttpResponse<String> r = b.get(path);
      assertThat(r.statusCode()).as("%s (%s): %s", path, stage, r.body()).isEqualTo(200);
      assertCsp(r, path);
      assertInert(Jsoup.parse(r.body(), server.base()), path + " (" + stage + ")");
    }
    before.assertUnchanged(server.vigil(), "reading every page (" + stage + ")");
  }

  @Test
  void theHostileTextIsShownAsTextNotDropped() {
    // neutralised, not censored: the words an analyst must judge are still there to read
    TestBrowser b = server.signedIn(Role.VIEWER);
    String title = b.get("/sources/" + ids.get("script-in-title.html")).body();
    assertThat(Jsoup.parse(title).select("h1").text())
        .contains("Station notice <script>alert('title')</script>");
    assertThat(title).contains("&lt;script&gt;alert(");
    String text = b.get("/sources/" + ids.get("script-in-text.html")).body();
    assertThat(Jsoup.parse(text).text())
        .contains("Readers wrote <script>alert('escaped-text')</script> in the comments")
        .contains("reported in Lisbon");
  }

  @Test
  void jsonFeedsAreServedAsJsonWithThePolicy() throws Exception {
    TestBrowser b = server.signedIn(Role.VIEWER);
    List<String> feeds =
        new ArrayList<>(
            List.of(
                "/api/v1/sources",
                "/api/v1/sources?q=" + enc("orchard"),
                "/api/v1/records",
                "/api/v1/map/features",
                "/api/v1/timeline",
                "/api/v1/network",
                "/api/v1/proposals",
                "/api/v1/stats"));
    ids.values().forEach(id -> feeds.add("/api/v1/sources/" + id));
    for (String path : feeds) {
      HttpResponse<String> r = b.get(path, Map.of("Accept", "application/json"));
      assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(path)
          .matches("application/(geo\\+)?json.*");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertCsp(r, path);
      JsonNode parsed = JsonViews.mapper().readTree(r.body());
      assertThat(parsed).as(path).isNotNull();
    }
  }

  @Test
  void theArchivedOriginalIsOnlyEverServedInert() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    for (String id : ids.values()) {
      HttpResponse<String> download = b.get("/sources/" + id + "/original");
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/octet-stream");
      assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
          .startsWith("attachment");
      String policy = download.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(policy).contains("sandbox").doesNotContain("allow-scripts");
      HttpResponse<String> view = b.get("/sources/" + id + "/original/view");
      assertThat(view.statusCode()).isEqualTo(200);
      String viewPolicy = view.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(viewPolicy).contains("sandbox").doesNotContain("allow-scripts");
      assertThat(viewPolicy).contains("default-src 'none'");
    }
  }

  // ---------------------------------------------------------------- checks

  static void assertCsp(HttpResponse<String> r, String path) {
    String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(policy)
        .as("CSP on %s", path)
        .contains("script-src 'self'")
        .contains("object-src 'none'");
    assertThat(policy)
        .as("CSP on %s", path)
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
  }

  /** No markup in the document can run script, whatever the policy says. */
  static void assertInert(Document doc, String path) {
    for (Element script : doc.select("script")) {
      String src = script.attr("src");
      String type = script.attr("type");
      if (src.isEmpty()) {
        assertThat(type).as("inline script on %s: %s", path, script).isEqualTo("application/json");
        assertThat(script.data())
            .as("json block on %s", path)
            .doesNotContainIgnoringCase("</script");
      } else {
        assertThat(src).as("script on %s", path).startsWith("/static/");
      }
    }
    assertThat(doc.select("svg, math, iframe:not([src^=/sources/]), object, embed, base, applet"))
        .as("active elements from content on %s", path)
        .isEmpty();
    assertThat(doc.select("meta[http-equiv]"))
        .as("meta http-equiv on %s", path)
        .allMatch(m -> !m.attr("http-equiv").equalsIgnoreCase("refresh"));
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(name)
            .as("event handler on %s: %s", path, e.cssSelector())
            .doesNotStartWith("on");
        assertThat(name).as("style attribute on %s", path).isNotEqualTo("style");
        if (List.of("href", "src", "action", "formaction", "xlink:href", "data").contains(name)) {
          String v = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
          assertThat(v).as("%s on %s: %s", name, path, e).doesNotStartWith("javascript:");
          assertThat(v).as("%s on %s: %s", name, path, e).doesNotStartWith("vbscript:");
          assertThat(v).as("%s on %s: %s", name, path, e).doesNotStartWith("data:text/html");
        }
      }
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
