package org.vigil.web.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.ItemResult;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.ProposalRecord;
import org.vigil.records.SourceRecord;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;
import org.vigil.testing.Pages;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;
import org.vigil.web.WebApp;
import org.vigil.web.WebSettings;

class SourcesControllerTest {
  @TempDir static Path data;
  @TempDir static Path fixtures;
  static TestServer server;
  static Map<String, String> ids = new LinkedHashMap<>();

  /** Fixture documents written for these tests (no real article text). */
  static final String HOSTILE_HTML =
      """
      <!DOCTYPE html>
      <html lang="en"><head>
      <title>&lt;script&gt;alert(1)&lt;/script&gt; Harbour lantern notice</title>
      <meta property="og:url" content="javascript:alert(3)">
      <meta name="date" content="2021-05-04">
      </head><body><article>
      <h1>&lt;script&gt;alert(1)&lt;/script&gt; Harbour lantern notice</h1>
      <p>The harbour lantern committee met on a windy evening to discuss the repainting of the
      old lantern house. Members agreed that the work should start before the autumn storms and
      that volunteers would be asked to help with the scaffolding and the brushes.</p>
      <p>Visitors wrote &lt;img src=x onerror=alert(2)&gt; in the guest book of the harbour
      lantern, which the committee found puzzling and decided to keep as a curiosity.</p>
      <p><a href="javascript:alert(4)">More about the harbour lantern</a></p>
      <script>document.title = 'ran';</script>
      </article></body></html>
      """;

  static final String TRADITIONAL =
      """
      海外警務服務站的社區調查

      本文是為測試而寫的虛構材料。某城市的居民委員會討論了一個自稱海外警務服務站的辦公室，\
      委員們記錄了鄰居的意見，並決定下個月再次開會討論此事。委員會希望更多居民參加會議。
      """;

  static final String SIMPLIFIED =
      """
      社区图书馆开放时间调整

      本文是为测试而写的虚构材料。从下个月起，社区图书馆的开放时间将延长到晚上九点，\
      周末还会增加儿童阅读活动。图书馆希望更多居民前来借书和参加活动。
      """;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data);
    Files.writeString(fixtures.resolve("hostile.html"), HOSTILE_HTML);
    Files.writeString(fixtures.resolve("traditional.txt"), TRADITIONAL);
    Files.writeString(fixtures.resolve("simplified.txt"), SIMPLIFIED);
    server
        .vigil()
        .ingest()
        .ingest(
            List.of(fixtures.toString()),
            IngestOptions.defaults(),
            new IngestService.Listener() {
              @Override
              public void item(ItemResult r) {
                assertThat(r.error()).as(r.input()).isNull();
                ids.put(Path.of(r.input()).getFileName().toString(), r.sourceId());
              }
            });
    assertThat(ids).hasSize(3);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- search --------------------------------------------------------------------------------

  @Test
  void searchFindsEnglishAndChineseInEitherScript() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    HttpResponse<String> en = b.get("/sources?q=lantern");
    assertThat(en.statusCode()).isEqualTo(200);
    assertThat(en.body()).contains("/sources/" + ids.get("hostile.html"));
    assertThat(en.body()).contains("<mark class=\"hit\">");

    // simplified query, traditional text
    HttpResponse<String> zh = b.get("/sources?q=" + enc("警务服务站"));
    assertThat(zh.body()).contains("/sources/" + ids.get("traditional.txt"));
    assertThat(zh.body()).doesNotContain("/sources/" + ids.get("simplified.txt"));
    // traditional query, simplified text
    HttpResponse<String> zh2 = b.get("/sources?q=" + enc("圖書館"));
    assertThat(zh2.body()).contains("/sources/" + ids.get("simplified.txt"));
    // and the interface in Chinese
    HttpResponse<String> zhUi =
        b.get("/sources?q=" + enc("圖書館"), Map.of("Accept-Language", "zh-CN,zh;q=0.9"));
    assertThat(zhUi.body()).contains("找到 1 个来源").contains("搜索来源").doesNotContain("sources.");
  }

  @Test
  void facetsAreOfferedAndFilterTheResults() throws Exception {
    TestBrowser b = server.signedIn(Role.VIEWER);
    JsonNode all = json(b.get("/api/v1/sources?q=" + enc("lantern | 图书馆")));
    assertThat(all.get("total").asLong()).isEqualTo(2);
    List<String> languages = new ArrayList<>();
    all.get("facets").get("language").forEach(f -> languages.add(f.get("value").asText()));
    assertThat(languages).contains("en").anyMatch(l -> l.startsWith("zh"));

    JsonNode zh = json(b.get("/api/v1/sources?q=" + enc("lantern | 图书馆") + "&language=zh"));
    assertThat(zh.get("total").asLong()).isEqualTo(1);
    assertThat(zh.get("hits").get(0).get("id").asText()).isEqualTo(ids.get("simplified.txt"));

    HttpResponse<String> page = b.get("/sources?q=lantern&language=en");
    assertThat(page.body()).contains("class=\"remove-filter\"").contains("data-facet=\"language\"");
    HttpResponse<String> none = b.get("/sources?q=lantern&language=zh");
    assertThat(none.body()).doesNotContain("/sources/" + ids.get("hostile.html") + "\"");

    JsonNode year = json(b.get("/api/v1/sources?q=lantern&year=2021"));
    assertThat(year.get("total").asLong()).isEqualTo(1);
    assertThat(json(b.get("/api/v1/sources?q=lantern&year=2020")).get("total").asLong()).isZero();
  }

  @Test
  void sortingByDatePutsUndatedSourcesLastEitherWay() throws Exception {
    TestBrowser b = server.signedIn(Role.VIEWER);
    String q = enc("lantern | 图书馆 | 警务");
    for (String sort : List.of("newest", "oldest")) {
      JsonNode r = json(b.get("/api/v1/sources?q=" + q + "&sort=" + sort));
      assertThat(r.get("total").asLong()).isEqualTo(3);
      assertThat(r.get("hits").get(0).get("id").asText()).isEqualTo(ids.get("hostile.html"));
    }
    JsonNode second = json(b.get("/api/v1/sources?q=" + q + "&size=1&page=2"));
    assertThat(second.get("hits")).hasSize(1);
    assertThat(second.get("total").asLong()).isEqualTo(3);
  }

  @Test
  void snippetsAreSegmentsNotMarkup() throws Exception {
    TestBrowser b = server.signedIn(Role.VIEWER);
    JsonNode r = json(b.get("/api/v1/sources?q=" + enc("guest book")));
    JsonNode snippet = r.get("hits").get(0).get("snippet");
    StringBuilder highlighted = new StringBuilder();
    snippet.forEach(
        part -> {
          if (part.get("highlighted").asBoolean()) {
            highlighted.append(part.get("text").asText()).append('|');
          }
        });
    assertThat(highlighted.toString().toLowerCase()).contains("guest").contains("book");
  }

  @Test
  void aMalformedQueryIsAClearBadRequestNotAServerError() throws Exception {
    TestBrowser b = server.signedIn(Role.VIEWER);
    HttpResponse<String> api = b.get("/api/v1/sources?q=" + enc("***"));
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(json(api).get("error").get("fields").get("query").asText())
        .contains("letter or digit");
    HttpResponse<String> onlyExcluded = b.get("/sources?q=" + enc("-lantern"));
    assertThat(onlyExcluded.statusCode()).isEqualTo(400);
    assertThat(onlyExcluded.body()).contains("not only excluded words");
    assertThat(b.get("/api/v1/sources?q=a&page=0").statusCode()).isEqualTo(400);
    assertThat(b.get("/api/v1/sources?q=a&sort=sideways").statusCode()).isEqualTo(400);
  }

  @Test
  void withoutAQueryTheListShowsRecentSources() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    HttpResponse<String> r = b.get("/sources");
    assertThat(r.statusCode()).isEqualTo(200);
    for (String id : ids.values()) {
      assertThat(r.body()).contains("/sources/" + id);
    }
    assertThat(b.get("/sources?size=1&page=2").body())
        .containsOnlyOnce("<article class=\"result\">");
  }

  // ---- hostile content -----------------------------------------------------------------------

  @Test
  void hostileTextIsEscapedInTheListTheSnippetsAndTheSourcePage() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    String id = ids.get("hostile.html");
    for (String path :
        List.of(
            "/sources",
            "/sources?q=lantern",
            "/sources?q=" + enc("guest book"),
            "/sources/" + id)) {
      String body = b.get(path).body();
      assertThat(body).as(path).doesNotContain("<script>alert(1)</script>");
      assertThat(body).as(path).doesNotContain("<img src=x onerror");
      assertThat(body.toLowerCase()).as(path).doesNotContain("href=\"javascript:");
      assertThat(body.toLowerCase()).as(path).doesNotContain("src=\"javascript:");
    }
    String page = b.get("/sources/" + id).body();
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page).contains("&lt;img src=x onerror=alert(2)&gt;");
    // the canonical address is shown as text, not as a link
    assertThat(page).contains("javascript:alert(3)");
  }

  @Test
  void theOriginalIsShownOnlyInertAndDownloadedAsAnAttachment() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    String id = ids.get("hostile.html");
    String page = b.get("/sources/" + id).body();
    Matcher frame = Pattern.compile("<iframe[^>]*>").matcher(page);
    assertThat(frame.find()).isTrue();
    assertThat(frame.group())
        .contains(" sandbox ")
        .contains("src=\"/sources/" + id + "/original/view\"");
    assertThat(frame.group()).doesNotContain("allow-");

    HttpResponse<String> view = b.get("/sources/" + id + "/original/view");
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.headers().firstValue("Content-Security-Policy"))
        .hasValue("sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    assertThat(view.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(view.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(view.body()).contains("Harbour lantern notice");

    HttpResponse<String> text = b.get("/sources/" + ids.get("simplified.txt") + "/original/view");
    assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(text.headers().firstValue("Content-Security-Policy").orElse(""))
        .startsWith("sandbox");

    HttpResponse<String> download = b.get("/sources/" + id + "/original");
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;");
    assertThat(download.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/octet-stream");
    assertThat(download.body()).isEqualTo(HOSTILE_HTML);
  }

  @Test
  void unknownAndMalformedSourceIdsAreNotFoundOrBadRequest() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    assertThat(b.get("/sources/ffffffffffffffff").statusCode()).isEqualTo(404);
    assertThat(b.get("/api/v1/sources/ffffffffffffffff").statusCode()).isEqualTo(404);
    assertThat(b.get("/sources/not-an-id").statusCode()).isEqualTo(400);
  }

  // ---- the source page's marked text ---------------------------------------------------------

  @Test
  void proposalAndClaimMarksHaveExactOffsetsEvenWhenTheyOverlap() throws Exception {
    String id = ids.get("traditional.txt");
    SourceRecord s = server.vigil().sources().find(id).orElseThrow();
    String text = s.content().text();
    int a = text.indexOf("海外警務服務站");
    int b = text.indexOf("服務站");
    assertThat(a).isGreaterThanOrEqualTo(0);
    List<ProposalRecord> props =
        server
            .vigil()
            .proposals()
            .replaceOpen(
                id,
                List.of(
                    new Proposal(
                        ProposalKind.STATION,
                        span(id, text, a, a + 7),
                        Map.of("city", List.of("Test")),
                        0.5)),
                Instant.now());
    Stamp by = new Stamp("analyst", Instant.now());
    Claim claim =
        server
            .vigil()
            .claims()
            .create(
                null,
                "description",
                new ClaimObject.Text("office"),
                ClaimStatus.ALLEGED,
                by,
                "test");
    server.vigil().claims().addSpan(claim.id(), span(id, text, b, b + 6), List.of(), null, by);

    TestBrowser browser = server.signedIn(Role.VIEWER);
    String page = browser.get("/sources/" + id).body();
    Matcher div =
        Pattern.compile(
                "<div id=\"source-text\" data-source-id=\"" + id + "\"[^>]*>(.*?)</div>",
                Pattern.DOTALL)
            .matcher(page);
    assertThat(div.find()).isTrue();
    String inner = div.group(1);
    assertThat(unescape(inner.replaceAll("<[^>]+>", ""))).isEqualTo(text);
    Matcher mark =
        Pattern.compile(
                "<mark class=\"([^\"]*)\" data-start=\"(\\d+)\" data-end=\"(\\d+)\""
                    + " data-proposal-id=\"([^\"]*)\" data-claim-id=\"([^\"]*)\"[^>]*>([^<]*)</mark>")
            .matcher(inner);
    int marks = 0;
    boolean sawBoth = false;
    while (mark.find()) {
      marks++;
      int start = Integer.parseInt(mark.group(2));
      int end = Integer.parseInt(mark.group(3));
      assertThat(unescape(mark.group(6))).isEqualTo(text.substring(start, end));
      if (mark.group(1).equals("proposal claim")) {
        sawBoth = true;
        assertThat(mark.group(4)).isEqualTo(props.get(0).id());
        assertThat(mark.group(5)).isEqualTo(claim.id());
      }
    }
    // 海外警務 (proposal), 服務站 (proposal and claim), then the claim's rest alone
    assertThat(marks).isEqualTo(3);
    assertThat(sawBoth).isTrue();
    assertThat(page).contains("id=\"proposal-" + props.get(0).id() + "\"");
    assertThat(page).contains("data-claim-id=\"" + claim.id() + "\"");
  }

  @Test
  void theSourcePageLinksTheOtherMembersOfItsStoryCluster() throws Exception {
    Path dir = Files.createDirectory(fixtures.resolve("cluster"));
    Pages.write(
        dir,
        "1.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    Pages.write(
        dir,
        "2.html",
        Pages.page(
            "Lowlands Daily Wire",
            "Inquiry into police station",
            "2022-10-28",
            Pages.STORY_EN.replace("on Tuesday", "this week")
                + "<p>This story has been updated.</p>"));
    Map<String, String> cluster = new LinkedHashMap<>();
    server
        .vigil()
        .ingest()
        .ingest(
            List.of(dir.toString()),
            IngestOptions.defaults(),
            new IngestService.Listener() {
              @Override
              public void item(ItemResult r) {
                cluster.put(Path.of(r.input()).getFileName().toString(), r.sourceId());
              }
            });
    TestBrowser b = server.signedIn(Role.VIEWER);
    String page = b.get("/sources/" + cluster.get("1.html")).body();
    Matcher list =
        Pattern.compile("<ul class=\"cluster\" id=\"cluster\">(.*?)</ul>", Pattern.DOTALL)
            .matcher(page);
    assertThat(list.find()).isTrue();
    assertThat(list.group(1))
        .contains("href=\"/sources/" + cluster.get("2.html") + "\"")
        .doesNotContain("href=\"/sources/" + cluster.get("1.html") + "\"");
    assertThat(
            json(b.get("/api/v1/sources/" + cluster.get("2.html"))).get("cluster").get(0).asText())
        .isEqualTo(cluster.get("1.html"));
  }

  @Test
  void apiReturnsOneSourcesMetadataAndText() throws Exception {
    TestBrowser b = server.signedIn(Role.VIEWER);
    String id = ids.get("simplified.txt");
    JsonNode r = json(b.get("/api/v1/sources/" + id));
    assertThat(r.get("source").get("id").asText()).isEqualTo(id);
    assertThat(r.get("source").get("sha256").asText()).hasSize(64);
    assertThat(r.get("text").asText()).contains("社区图书馆");
    assertThat(r.get("captures")).hasSize(1);
  }

  // ---- capture -------------------------------------------------------------------------------

  @Test
  void aViewerMayNotCapture() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    b.get("/sources");
    HttpResponse<String> r =
        b.send(
            multipart(
                b,
                "/sources/capture",
                List.of(new Part("files", "a.txt", "hello there".getBytes()))));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(b.get("/sources").body()).doesNotContain("id=\"capture-link\"");
    assertThat(b.get("/sources/capture").statusCode()).isEqualTo(403);
  }

  @Test
  void aMultiFileUploadReportsEachItemAndOneBadFileFailsAlone() throws Exception {
    TestBrowser b = server.signedIn(Role.ANALYST);
    b.get("/sources/capture");
    List<Part> parts =
        List.of(
            new Part(
                "files",
                "minutes.txt",
                "Minutes of the allotment society\n\nThe allotment society agreed to buy a new water pump for the eastern plots before the summer, and thanked the volunteers who repaired the fence."
                    .getBytes(StandardCharsets.UTF_8)),
            new Part("files", "empty.txt", new byte[0]),
            new Part(
                "files",
                "../../escape.txt",
                "Notice of the rowing club\n\nThe rowing club will hold its annual regatta on the river in September; spectators are asked to keep the towpath clear for the marshals."
                    .getBytes(StandardCharsets.UTF_8)),
            new Part("files", "..", "dot dot".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> r = b.send(multipart(b, "/sources/capture", parts));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/sources/capture/");
    String job = location.substring("/sources/capture/".length());
    JsonNode status = await(b, job);
    assertThat(status.get("total").asInt()).isEqualTo(4);
    assertThat(status.get("done").asInt()).isEqualTo(4);
    Map<String, JsonNode> items = new LinkedHashMap<>();
    status.get("items").forEach(i -> items.put(i.get("name").asText(), i));
    assertThat(items).containsOnlyKeys("minutes.txt", "empty.txt", "escape.txt", "..");
    assertThat(items.get("minutes.txt").get("status").asText()).isEqualTo("captured");
    assertThat(items.get("escape.txt").get("status").asText()).isEqualTo("captured");
    assertThat(items.get("empty.txt").get("status").asText()).isEqualTo("failed");
    assertThat(items.get("empty.txt").get("error").asText()).isNotBlank();
    assertThat(items.get("..").get("status").asText()).isEqualTo("failed");
    assertThat(items.get("..").get("code").asText()).isEqualTo("invalid_input");

    // the sent name is a label only: nothing was written outside the upload folder, and the
    // temporary files are gone
    assertThat(Files.exists(data.resolve("escape.txt"))).isFalse();
    assertThat(Files.exists(data.getParent().resolve("escape.txt"))).isFalse();
    try (Stream<Path> walk = Files.walk(data)) {
      assertThat(walk.filter(p -> p.toString().endsWith(".upload")).toList()).isEmpty();
    }
    // large parts spill inside the data folder, not into a shared temporary folder
    assertThat(data.resolve("tmp-uploads").resolve("incoming")).isDirectory();
    String escapeId = items.get("escape.txt").get("sourceId").asText();
    assertThat(server.vigil().sources().captures(escapeId).get(0).origin().value())
        .isEqualTo("upload:escape.txt");

    HttpResponse<String> page = b.get(location);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/sources/" + escapeId).contains("upload-failed");
  }

  @Test
  void uploadJsGetsAStatusUrlAsJson() throws Exception {
    TestBrowser b = server.signedIn(Role.ANALYST);
    b.get("/sources/capture");
    HttpRequest req =
        HttpRequest.newBuilder(
                multipart(
                    b,
                    "/sources/capture",
                    List.of(
                        new Part(
                            "files",
                            "one.txt",
                            "Note of the chess club\n\nThe chess club meets on Thursdays in the parish hall and welcomes beginners of every age."
                                .getBytes(StandardCharsets.UTF_8)))),
                (n, v) -> true)
            .header("Accept", "application/json")
            .build();
    HttpResponse<String> r = b.send(req);
    assertThat(r.statusCode()).isEqualTo(202);
    String statusUrl = json(r).get("statusUrl").asText();
    assertThat(statusUrl).startsWith("/api/v1/captures/");
    JsonNode done = await(b, statusUrl.substring("/api/v1/captures/".length()));
    assertThat(done.get("items").get(0).get("status").asText()).isIn("captured", "unchanged");
  }

  @Test
  void urlCaptureOfALoopbackAddressIsRefusedAsBlocked() throws Exception {
    TestBrowser b = server.signedIn(Role.ANALYST);
    b.get("/sources");
    HttpResponse<String> r =
        b.send(
            HttpRequest.newBuilder(URI.create(b.base() + "/api/v1/captures"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", b.csrf())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"urls\": [\"http://127.0.0.1/secret\", \"http://[::1]:8080/x\"]}"))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String job = json(r).get("job").asText();
    JsonNode status = await(b, job);
    assertThat(status.get("items")).hasSize(2);
    status
        .get("items")
        .forEach(
            i -> {
              assertThat(i.get("status").asText()).isEqualTo("failed");
              assertThat(i.get("code").asText()).isEqualTo("blocked_address");
            });

    // only http(s): anything else would be read as a path on the server
    HttpResponse<String> local =
        b.post(
            "/sources/capture",
            Map.of("urls", "/etc/passwd\nfile:///etc/hosts\njavascript:alert(1)"));
    assertThat(local.statusCode()).isEqualTo(303);
    String localJob =
        local
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .substring("/sources/capture/".length());
    JsonNode refused = await(b, localJob);
    assertThat(refused.get("items")).hasSize(3);
    refused
        .get("items")
        .forEach(
            i -> {
              assertThat(i.get("status").asText()).isEqualTo("failed");
              assertThat(i.get("code").asText()).isEqualTo("blocked_scheme");
            });
    // another analyst's job is not theirs to see
    server.vigil().accounts().addUser("analyst2", Role.ANALYST, TestServer.PASSWORD, "test");
    TestBrowser other = server.browser();
    other.login("analyst2", TestServer.PASSWORD);
    assertThat(other.get("/api/v1/captures/" + localJob).statusCode()).isEqualTo(404);
    assertThat(other.get("/sources/capture/" + localJob).statusCode()).isEqualTo(404);
    assertThat(server.signedIn(Role.ADMIN).get("/api/v1/captures/" + localJob).statusCode())
        .isEqualTo(200);

    // the form on the page takes one URL per line too
    HttpResponse<String> form =
        b.post("/sources/capture", Map.of("urls", "http://127.0.0.1/a\n\nhttp://10.0.0.1/b\n"));
    assertThat(form.statusCode()).isEqualTo(303);
    String job2 =
        form.headers().firstValue("Location").orElseThrow().substring("/sources/capture/".length());
    assertThat(await(b, job2).get("total").asInt()).isEqualTo(2);
  }

  @Test
  void anEmptyCaptureRequestIsInvalid() throws Exception {
    TestBrowser b = server.signedIn(Role.ANALYST);
    b.get("/sources");
    HttpResponse<String> r = b.post("/sources/capture", Map.of("urls", "  \n "));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(b.get("/api/v1/captures/no-such-job").statusCode()).isEqualTo(404);
  }

  @Test
  void anUploadOverTheSizeLimitIsRefusedWith413() throws Exception {
    Javalin small =
        WebApp.create(server.vigil(), new WebSettings("127.0.0.1", 0, false, 2_000)).start();
    try {
      TestBrowser b = new TestServerAccess(small.port()).browser();
      b.login("analyst", TestServer.PASSWORD);
      b.get("/sources");
      HttpResponse<String> r =
          b.send(
              HttpRequest.newBuilder(
                      multipart(
                          b,
                          "/api/v1/captures",
                          List.of(new Part("files", "big.txt", new byte[5_000]))),
                      (n, v) -> true)
                  .build());
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(json(r).get("error").get("code").asText()).isEqualTo("too_large");

      // without a Content-Length (chunked), the multipart parser enforces the same limit
      HttpRequest sized =
          multipart(b, "/api/v1/captures", List.of(new Part("files", "big.txt", new byte[5_000])));
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      sized
          .bodyPublisher()
          .orElseThrow()
          .subscribe(
              new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                  s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(java.nio.ByteBuffer item) {
                  byte[] chunk = new byte[item.remaining()];
                  item.get(chunk);
                  body.writeBytes(chunk);
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onComplete() {}
              });
      HttpResponse<String> chunked =
          b.send(
              HttpRequest.newBuilder(sized.uri())
                  .headers(
                      "Content-Type",
                      sized.headers().firstValue("Content-Type").orElseThrow(),
                      "X-CSRF-Token",
                      b.csrf())
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(body.toByteArray())))
                  .build());
      assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    } finally {
      small.stop();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A browser for another server over the same workspace. */
  record TestServerAccess(int port) {
    TestBrowser browser() {
      try {
        var c = TestBrowser.class.getDeclaredConstructor(String.class);
        c.setAccessible(true);
        return c.newInstance("http://127.0.0.1:" + port);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  record Part(String field, String fileName, byte[] content) {}

  static HttpRequest multipart(TestBrowser b, String path, List<Part> parts) {
    String boundary = "----vigil-test-boundary-7f3a";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(
          ("Content-Disposition: form-data; name=\""
                  + p.field()
                  + "\"; filename=\""
                  + p.fileName()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p.content());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(b.base() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-CSRF-Token", b.csrf())
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
        .build();
  }

  static JsonNode await(TestBrowser b, String job) throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    while (true) {
      HttpResponse<String> r = b.get("/api/v1/captures/" + job);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode n = json(r);
      if (n.get("finished").asBoolean()) {
        assertThat(n.get("done").asInt()).isEqualTo(n.get("total").asInt());
        return n;
      }
      assertThat(System.currentTimeMillis()).as("capture job %s finishes", job).isLessThan(until);
      Thread.sleep(100);
    }
  }

  static SourceSpan span(String id, String text, int start, int end) {
    return new SourceSpan(id, start, end, text.substring(start, end));
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JsonViews.mapper().readTree(r.body());
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
