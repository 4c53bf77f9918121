package org.vigil.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.records.ClaimSpan;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.records.SourceRecord;
import org.vigil.schema.ProposalKind;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

class ReviewControllerTest {
  static final String HOSTILE =
      "Investigators counted at least 54 stations <script>alert(1)</script> in more than 30"
          + " countries, the group said in its September 2022 report.";

  @TempDir static Path data;
  @TempDir static Path inputs;
  static TestServer server;
  static TestBrowser analyst;
  static TestBrowser viewer;
  static TestBrowser reviewer;
  static String hostileSource;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data).withSamples();
    Path f = inputs.resolve("hostile.txt");
    Files.writeString(f, HOSTILE);
    server
        .vigil()
        .ingest()
        .ingest(List.of(f.toString()), IngestOptions.defaults(), new IngestService.Listener() {});
    hostileSource = findSourceWithText("alert(1)");
    analyst = server.signedIn(Role.ANALYST);
    viewer = server.signedIn(Role.VIEWER);
    reviewer = server.signedIn(Role.REVIEWER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<ProposalRecord> open(ProposalKind kind) {
    return server
        .vigil()
        .review()
        .list(new ProposalFilter(null, kind, ProposalStatus.OPEN, 100_000));
  }

  static ProposalRecord firstOpen(
      ProposalKind kind, java.util.function.Predicate<ProposalRecord> p) {
    return open(kind).stream().filter(p).findFirst().orElseThrow();
  }

  static ProposalRecord reload(String id) {
    return server.vigil().proposals().find(id).orElseThrow();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JsonViews.mapper().readTree(r.body());
  }

  /** A JSON request from a signed-in browser session, with its CSRF header. */
  static HttpResponse<String> postJson(TestBrowser b, String path, Object body) throws Exception {
    return b.send(
        HttpRequest.newBuilder(URI.create(b.base() + path))
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", b.csrf())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JsonViews.mapper().writeValueAsString(body), StandardCharsets.UTF_8))
            .build());
  }

  @Test
  void queueShowsOpenProposalsWithContextSourceLinkAndShortcutLegend() {
    HttpResponse<String> r = analyst.get("/review?kind=station");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"shortcut-legend\"").contains("<kbd>a</kbd>");
    r = analyst.get("/review?kind=quantity");
    assertThat(r.body())
        .contains("class=\"proposal\"")
        .contains("data-review=\"accept\"")
        .contains("data-review=\"reject\"")
        .contains("data-review=\"edit\"")
        .contains("class=\"quote-context\"")
        .contains("href=\"/sources/");
    assertThat(analyst.get("/review?min=2").statusCode()).isEqualTo(400);
    assertThat(analyst.get("/review?kind=boats").body()).contains("kind");
  }

  @Test
  void hostileSourceTextInTheQuoteContextIsEscaped() {
    HttpResponse<String> r = analyst.get("/review?source=" + hostileSource);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(r.body()).doesNotContain("<script>alert(1)");
  }

  @Test
  void analystAcceptsFromTheQueueAndTheRecordAppears() {
    ProposalRecord p = firstOpen(ProposalKind.PLACE, x -> true);
    analyst.get("/review?kind=place");
    HttpResponse<String> r =
        analyst.post(
            "/review/" + p.id() + "/accept",
            Map.of("version", String.valueOf(p.version()), "reason", "checked", "back", "/review"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/review");
    ProposalRecord after = reload(p.id());
    assertThat(after.status()).isEqualTo(ProposalStatus.ACCEPTED);
    String recordId =
        after.resultIds().stream()
            .filter(id -> id.startsWith("claim:"))
            .map(id -> server.vigil().claims().require(id).subjectId())
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> page = analyst.get(Links.record(recordId));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(recordId);
  }

  @Test
  void analystEditsAProposalAndItIsAcceptedWithTheNewFields() {
    ProposalRecord p = firstOpen(ProposalKind.QUANTITY, x -> !x.sourceId().equals(hostileSource));
    analyst.get("/review?kind=quantity");
    HttpResponse<String> r =
        analyst.post(
            "/review/" + p.id() + "/edit",
            Map.of(
                "version", String.valueOf(p.version()),
                "f.value", "777",
                "f.unit", "person",
                "reason", "typo in the count"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    ProposalRecord after = reload(p.id());
    assertThat(after.status()).isEqualTo(ProposalStatus.EDITED);
    assertThat(after.proposal().first("value")).isEqualTo("777");
  }

  @Test
  void analystRejectsWithAReasonAndWithoutOneGetsAFieldProblem() throws Exception {
    ProposalRecord p = firstOpen(ProposalKind.DATE, x -> true);
    analyst.get("/review?kind=date");
    HttpResponse<String> none =
        analyst.post(
            "/review/" + p.id() + "/reject", Map.of("version", String.valueOf(p.version())));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("reason");
    HttpResponse<String> r =
        analyst.post(
            "/review/" + p.id() + "/reject",
            Map.of("version", String.valueOf(p.version()), "reason", "not about a station"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(reload(p.id()).status()).isEqualTo(ProposalStatus.REJECTED);
  }

  @Test
  void staleVersionIsA409NamingWhatChanged() throws Exception {
    ProposalRecord p = firstOpen(ProposalKind.ATTRIBUTION, x -> true);
    analyst.get("/review");
    HttpResponse<String> first =
        analyst.post(
            "/review/" + p.id() + "/reject",
            Map.of("version", String.valueOf(p.version()), "reason", "duplicate"));
    assertThat(first.statusCode()).isEqualTo(302);
    HttpResponse<String> second =
        reviewer.post(
            "/review/" + p.id() + "/accept", Map.of("version", String.valueOf(p.version())));
    // reviewers may not edit proposals at all; an analyst holding the old version gets 409
    assertThat(second.statusCode()).isEqualTo(403);
    TestBrowser other = server.signedIn(Role.ANALYST);
    other.get("/review");
    HttpResponse<String> stale =
        other.post("/review/" + p.id() + "/accept", Map.of("version", String.valueOf(p.version())));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body())
        .contains("was changed after you read version " + p.version())
        .contains("rejected")
        .contains("analyst");
    HttpResponse<String> api =
        postJson(other, "/api/v1/proposals/" + p.id() + "/accept", Map.of("version", p.version()));
    assertThat(api.statusCode()).isEqualTo(409);
    assertThat(json(api).get("error").get("code").asText()).isEqualTo("conflict");
    assertThat(json(api).get("error").get("message").asText()).contains("Reload");
  }

  @Test
  void viewerSeesTheQueueWithoutActionsAndEveryActionIsRefused() throws Exception {
    HttpResponse<String> page = viewer.get("/review?kind=quantity");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("class=\"proposal\"");
    assertThat(page.body()).doesNotContain("data-review=\"accept\"", "data-review=\"reject\"");
    ProposalRecord p = firstOpen(ProposalKind.QUANTITY, x -> true);
    Map<String, String> form = Map.of("version", String.valueOf(p.version()), "reason", "x");
    for (String action : List.of("accept", "edit", "reject")) {
      assertThat(viewer.post("/review/" + p.id() + "/" + action, form).statusCode()).isEqualTo(403);
      HttpResponse<String> api =
          postJson(viewer, "/api/v1/proposals/" + p.id() + "/" + action, Map.of("version", 1));
      assertThat(api.statusCode()).isEqualTo(403);
      assertThat(json(api).get("error").get("code").asText()).isEqualTo("forbidden");
    }
    assertThat(viewer.post("/claims", Map.of("sourceId", "x")).statusCode()).isEqualTo(403);
    assertThat(postJson(viewer, "/api/v1/claims", Map.of()).statusCode()).isEqualTo(403);
    assertThat(reload(p.id()).status()).isEqualTo(ProposalStatus.OPEN);
    // without the CSRF token a browser post is refused even for an analyst
    assertThat(
            analyst
                .postRaw("/review/" + p.id() + "/reject", Map.of("version", "1", "reason", "x"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void claimFromSelectionChecksTheQuoteAndSavesTheClaim() throws Exception {
    String station = server.vigil().records().list("station").get(0).id();
    SourceRecord source = server.vigil().sources().find(hostileSource).orElseThrow();
    String text = source.content().text();
    int start = text.indexOf("September 2022");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("sourceId", hostileSource);
    form.put("start", String.valueOf(start));
    form.put("end", String.valueOf(start + 14));
    form.put("quote", "Septembre 2022");
    form.put("subjectId", station);
    form.put("predicate", "opened");
    form.put("value", "2022-09");
    analyst.get("/review");
    HttpResponse<String> wrong = analyst.post("/claims", form);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("quote");
    HttpResponse<String> wrongApi = postJson(analyst, "/api/v1/claims", form);
    assertThat(wrongApi.statusCode()).isEqualTo(400);
    assertThat(json(wrongApi).get("error").get("fields").has("quote")).isTrue();

    form.put("quote", "September 2022");
    HttpResponse<String> ok = analyst.post("/claims", form);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location").orElseThrow()).startsWith("/records/");
    var opened = server.vigil().claims().about(station, "opened");
    assertThat(opened).hasSize(1);
    List<ClaimSpan> spans = server.vigil().claims().spans(opened.get(0).id());
    assertThat(spans).extracting(s -> s.span().quote()).containsExactly("September 2022");

    form.put("value", "not a date");
    HttpResponse<String> badValue = postJson(analyst, "/api/v1/claims", form);
    assertThat(badValue.statusCode()).isEqualTo(400);
    assertThat(json(badValue).get("error").get("fields").has("value")).isTrue();
  }

  @Test
  void claimsApiCreatesAClaimFromASpan() throws Exception {
    String org = server.vigil().records().list("organization").get(0).id();
    String text = server.vigil().sources().find(hostileSource).orElseThrow().content().text();
    int start = text.indexOf("the group");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sourceId", hostileSource);
    body.put("start", start);
    body.put("end", start + 9);
    body.put("quote", "the group");
    body.put("subjectId", org);
    body.put("predicate", "kind");
    body.put("value", "ngo");
    body.put("attribution", List.of("the group"));
    analyst.get("/review");
    HttpResponse<String> r = postJson(analyst, "/api/v1/claims", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode c = json(r);
    assertThat(c.get("predicate").asText()).isEqualTo("kind");
    assertThat(c.get("status").asText()).isIn("alleged", "corroborated");
    assertThat(c.get("documents").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(c.get("spans").get(c.get("spans").size() - 1).get("attribution").get(0).asText())
        .isEqualTo("the group");
  }

  @Test
  void proposalsApiListsFiltersAndDecides() throws Exception {
    JsonNode list = json(analyst.get("/api/v1/proposals?kind=quantity&limit=5"));
    assertThat(list.get("total").asInt()).isGreaterThan(0);
    assertThat(list.get("items").size()).isBetween(1, 5);
    JsonNode item = list.get("items").get(0);
    assertThat(item.get("kind").asText()).isEqualTo("quantity");
    assertThat(item.get("status").asText()).isEqualTo("open");
    assertThat(item.has("version")).isTrue();
    assertThat(item.has("quote")).isTrue();
    assertThat(item.get("fields").has("value")).isTrue();
    assertThat(analyst.get("/api/v1/proposals?status=nope").statusCode()).isEqualTo(400);

    JsonNode stations = json(analyst.get("/api/v1/proposals?kind=station&status=any"));
    assertThat(stations.get("total").asInt()).isGreaterThan(0);

    ProposalRecord place = firstOpen(ProposalKind.PLACE, x -> true);
    analyst.get("/review");
    HttpResponse<String> accepted =
        postJson(
            analyst,
            "/api/v1/proposals/" + place.id() + "/accept",
            Map.of("version", place.version(), "reason", "api"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(json(accepted).get("status").asText()).isEqualTo("accepted");
    assertThat(json(accepted).get("recordId").asText()).startsWith("place:");

    ProposalRecord q = firstOpen(ProposalKind.QUANTITY, x -> true);
    HttpResponse<String> edited =
        postJson(
            analyst,
            "/api/v1/proposals/" + q.id() + "/edit",
            Map.of("version", q.version(), "fields", Map.of("value", "12"), "reason", "api"));
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(json(edited).get("status").asText()).isEqualTo("edited");

    ProposalRecord d = firstOpen(ProposalKind.DATE, x -> true);
    HttpResponse<String> rejected =
        postJson(
            analyst,
            "/api/v1/proposals/" + d.id() + "/reject",
            Map.of("version", d.version(), "reason", "api"));
    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(json(rejected).get("status").asText()).isEqualTo("rejected");

    HttpResponse<String> noVersion =
        postJson(analyst, "/api/v1/proposals/" + d.id() + "/reject", Map.of("reason", "x"));
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(json(noVersion).get("error").get("fields").has("version")).isTrue();
  }

  @Test
  void aStationProposalMatchingAnExistingStationOffersItAsTheRecordToAddTo() throws Exception {
    ProposalRecord accepted =
        server
            .vigil()
            .review()
            .list(new ProposalFilter(null, ProposalKind.STATION, ProposalStatus.ACCEPTED, 1000))
            .get(0);
    String station =
        accepted.resultIds().stream().filter(id -> id.startsWith("station:")).findFirst().get();
    String text = "A second report places a service station in the same city.";
    Path f = inputs.resolve("second.txt");
    Files.writeString(f, text);
    server
        .vigil()
        .ingest()
        .ingest(List.of(f.toString()), IngestOptions.defaults(), new IngestService.Listener() {});
    String sourceId = findSourceWithText(text);
    ProposalRecord p =
        server
            .vigil()
            .review()
            .saveProposals(
                sourceId,
                List.of(
                    new org.vigil.schema.Proposal(
                        ProposalKind.STATION,
                        org.vigil.schema.SourceSpan.of(sourceId, text, 24, 39),
                        accepted.proposal().fields(),
                        0.9)))
            .get(0);
    HttpResponse<String> r = analyst.get("/review?kind=station&source=" + sourceId);
    assertThat(r.body()).contains("name=\"subjectId\" value=\"" + station + "\"");
    assertThat(r.body()).contains("value=\"_new\"");
    JsonNode api = json(analyst.get("/api/v1/proposals?kind=station&source=" + sourceId));
    assertThat(api.get("items").get(0).get("suggestions").get(0).get("id").asText())
        .isEqualTo(station);
    analyst.get("/review");
    HttpResponse<String> ok =
        analyst.post(
            "/review/" + p.id() + "/accept",
            Map.of("version", String.valueOf(p.version()), "subjectId", station));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
    // the claims went to the existing station; no second station was created
    assertThat(reload(p.id()).resultIds())
        .anyMatch(
            id ->
                id.startsWith("claim:")
                    && station.equals(server.vigil().claims().require(id).subjectId()));
    assertThat(reload(p.id()).resultIds())
        .noneMatch(id -> id.startsWith("station:") && !id.equals(station));
  }

  @Test
  void queueIsPaged() {
    int open = open(null).size();
    assertThat(open).as("the samples leave more than one page open").isGreaterThan(25);
    String first = analyst.get("/review").body();
    assertThat(first).contains("Page 1 of").contains("rel=\"next\" href=\"/review?page=2\"");
    assertThat(first.split("class=\"proposal\"", -1)).hasSize(26);
    String second = analyst.get("/review?page=2").body();
    assertThat(second).contains("Page 2 of").contains("rel=\"prev\"");
    assertThat(analyst.get("/review?page=0").statusCode()).isEqualTo(400);
  }

  @Test
  void sourcePageCarriesTheClaimFormForEditorsOnly() {
    String page = analyst.get("/sources/" + hostileSource).body();
    assertThat(page)
        .contains("id=\"source-text\"")
        .contains("id=\"claim-from-selection\"")
        .contains("name=\"sourceId\" value=\"" + hostileSource + "\"");
    assertThat(viewer.get("/sources/" + hostileSource).body())
        .contains("id=\"source-text\"")
        .doesNotContain("claim-from-selection");
  }

  static String findSourceWithText(String text) {
    String[] found = new String[1];
    server
        .vigil()
        .sources()
        .forEachSource(
            s -> {
              if (s.content().text().contains(text)) {
                found[0] = s.id();
              }
            });
    return java.util.Objects.requireNonNull(found[0]);
  }
}
