package org.vigil.web.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.records.Claim;
import org.vigil.records.ClaimSpan;
import org.vigil.records.EntityRecord;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;
import org.vigil.web.review.Links;

class RecordsControllerTest {
  @TempDir static Path data;
  static TestServer server;
  static TestBrowser analyst;
  static TestBrowser viewer;
  static TestBrowser reviewer;

  @BeforeAll
  static void start() {
    server = TestServer.start(data).withSamples();
    analyst = server.signedIn(Role.ANALYST);
    viewer = server.signedIn(Role.VIEWER);
    reviewer = server.signedIn(Role.REVIEWER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JsonViews.mapper().readTree(r.body());
  }

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

  /** A station of the sample record and one of its claims with spans, in {@code status}. */
  static Claim stationClaim(ClaimStatus status) {
    for (EntityRecord e : server.vigil().records().list("station")) {
      for (Claim c : server.vigil().claims().about(e.id())) {
        if (c.status() == status && !server.vigil().claims().spans(c.id()).isEmpty()) {
          return c;
        }
      }
    }
    throw new AssertionError("no station claim in status " + status);
  }

  static EntityRecord newOrganization(String label) {
    return server
        .vigil()
        .records()
        .create("organization", label, null, ClaimStatus.ALLEGED, new Stamp("seed", Instant.now()));
  }

  @Test
  void recordPageShowsValuesWithSupportSpansHistoryAndAudit() {
    Claim c = stationClaim(ClaimStatus.ALLEGED);
    ClaimSpan span = server.vigil().claims().spans(c.id()).get(0);
    HttpResponse<String> r = viewer.get(Links.record(c.subjectId()));
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    int documents = server.vigil().review().support(c.id()).documents();
    assertThat(body)
        .contains("id=\"claim-" + c.id() + "\"")
        .contains(documents == 1 ? "1 document, " : documents + " documents, ")
        .contains("independent origin")
        .contains("badge-alleged")
        .contains("claim-span-" + span.id())
        .contains("class=\"status-step\"")
        .contains("class=\"audit-row\"")
        .contains("record.create");
    // viewers get no forms
    assertThat(body).doesNotContain("id=\"relabel-form\"", "id=\"merge-form\"", "status-form");
    // a place a station is located in lists the station as pointing at it
    String place =
        server.vigil().claims().about(c.subjectId(), "located_in").get(0).object().display();
    assertThat(viewer.get(Links.record(place)).body())
        .contains("class=\"relation\"")
        .contains(Links.record(c.subjectId()));
  }

  @Test
  void recordListFiltersByTypeLabelAndStatusAndRendersChinese() {
    EntityRecord station = server.vigil().records().list("station").get(0);
    HttpResponse<String> r = viewer.get("/records?type=station");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains(Links.record(station.id())).doesNotContain("/records/place%3A");
    String word = station.label().split("[ (]")[0];
    assertThat(viewer.get("/records?q=" + org.vigil.web.Web.encode(word)).body())
        .contains(Links.record(station.id()));
    assertThat(viewer.get("/records?status=retracted&type=station").body())
        .doesNotContain(Links.record(station.id()));
    assertThat(viewer.get("/records?type=boats").statusCode()).isEqualTo(400);

    TestBrowser zh = server.signedIn(Role.VIEWER);
    zh.get("/lang/zh?next=/records");
    String body = zh.get("/records?type=station").body();
    assertThat(body).contains("lang=\"zh-Hans\"").contains("海外警务服务站").contains("记录");
    assertThat(zh.get(Links.record(station.id())).body()).contains("审计记录").contains("份文件");
  }

  @Test
  void reviewerChangesAClaimStatusAndTheHistoryShowsWhoAndWhy() {
    Claim c = stationClaim(ClaimStatus.ALLEGED);
    reviewer.get(Links.record(c.subjectId()));
    HttpResponse<String> r =
        reviewer.post(
            "/claims/" + c.id() + "/status",
            Map.of(
                "version",
                String.valueOf(c.version()),
                "status",
                "disputed",
                "reason",
                "the consulate denies it"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .isEqualTo(Links.record(c.subjectId()) + "#claim-" + c.id());
    String page = reviewer.get(Links.record(c.subjectId())).body();
    assertThat(page)
        .contains("alleged → disputed · reviewer ·")
        .contains("the consulate denies it");

    // disputed may only go back to alleged or be retracted
    HttpResponse<String> bad =
        reviewer.post(
            "/claims/" + c.id() + "/status",
            Map.of(
                "version", String.valueOf(c.version() + 1), "status", "confirmed", "reason", "x"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("may go to: alleged, retracted");

    // analysts may not change statuses
    analyst.get("/records");
    assertThat(
            analyst
                .post(
                    "/claims/" + c.id() + "/status",
                    Map.of("version", "1", "status", "retracted", "reason", "x"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void staleClaimVersionIsA409NamingTheChange() throws Exception {
    Claim c = stationClaim(ClaimStatus.ALLEGED);
    reviewer.get("/records");
    assertThat(
            postJson(
                    reviewer,
                    "/api/v1/claims/" + c.id() + "/status",
                    Map.of("version", c.version(), "status", "retracted", "reason", "withdrawn"))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> stale =
        reviewer.post(
            "/claims/" + c.id() + "/status",
            Map.of("version", String.valueOf(c.version()), "status", "disputed", "reason", "x"));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("was changed after you read version").contains("retracted");
  }

  @Test
  void claimsApiChangesStatusAddsEvidenceAndRefusesOtherRoles() throws Exception {
    Claim c = stationClaim(ClaimStatus.ALLEGED);
    reviewer.get("/records");
    HttpResponse<String> s =
        postJson(
            reviewer,
            "/api/v1/claims/" + c.id() + "/status",
            Map.of("version", c.version(), "status", "disputed", "reason", "doubt"));
    assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
    assertThat(json(s).get("status").asText()).isEqualTo("disputed");
    assertThat(json(s).get("history").get(json(s).get("history").size() - 1).get("by").asText())
        .isEqualTo("reviewer");
    HttpResponse<String> bad =
        postJson(
            reviewer,
            "/api/v1/claims/" + c.id() + "/status",
            Map.of("version", c.version() + 1, "status", "corroborated", "reason", ""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").get("fields").get("status").asText()).contains("alleged");

    ClaimSpan existing = server.vigil().claims().spans(c.id()).get(0);
    String text =
        server.vigil().sources().find(existing.span().sourceId()).orElseThrow().content().text();
    Map<String, Object> span = new LinkedHashMap<>();
    span.put("sourceId", existing.span().sourceId());
    span.put("start", 0);
    span.put("end", 12);
    span.put("quote", text.substring(0, 12));
    span.put("attribution", List.of("a wire service"));
    analyst.get("/records");
    HttpResponse<String> added = postJson(analyst, "/api/v1/claims/" + c.id() + "/spans", span);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(json(added).get("spans").size())
        .isEqualTo(server.vigil().claims().spans(c.id()).size());
    span.put("quote", "not the text");
    HttpResponse<String> wrong = postJson(analyst, "/api/v1/claims/" + c.id() + "/spans", span);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(json(wrong).get("error").get("fields").has("quote")).isTrue();

    viewer.get("/records");
    assertThat(postJson(viewer, "/api/v1/claims/" + c.id() + "/spans", span).statusCode())
        .isEqualTo(403);
    assertThat(
            postJson(viewer, "/api/v1/claims/" + c.id() + "/status", Map.of("version", 1))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            postJson(analyst, "/api/v1/claims/" + c.id() + "/status", Map.of("version", 1))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void recordsApiListsSuggestsAndShowsARecordWithClaimsSupportSpansAndHistory() throws Exception {
    JsonNode list = json(viewer.get("/api/v1/records?type=station&limit=2"));
    assertThat(list.get("total").asInt()).isGreaterThan(0);
    assertThat(list.get("items").size()).isBetween(1, 2);
    String id = list.get("items").get(0).get("id").asText();
    assertThat(list.get("items").get(0).get("url").asText()).isEqualTo(Links.record(id));

    JsonNode one = json(viewer.get("/api/v1/records/" + Links.segment(id)));
    assertThat(one.get("id").asText()).isEqualTo(id);
    assertThat(one.get("claims").size()).isGreaterThan(0);
    JsonNode claim = one.get("claims").get(0);
    assertThat(claim.has("documents")).isTrue();
    assertThat(claim.has("origins")).isTrue();
    assertThat(claim.get("support").asText()).contains("independent origin");
    assertThat(claim.get("spans").get(0).has("quote")).isTrue();
    assertThat(claim.get("history").get(0).get("to").asText()).isNotEmpty();
    assertThat(one.get("history").size()).isGreaterThan(0);
    assertThat(viewer.get("/api/v1/records/station%3Anosuch").statusCode()).isEqualTo(404);
    EntityRecord sealed =
        server
            .vigil()
            .records()
            .create(
                "testimony", "T-1", null, ClaimStatus.ALLEGED, new Stamp("seed", Instant.now()));
    assertThat(viewer.get("/api/v1/records/" + sealed.id()).statusCode()).isEqualTo(404);
    assertThat(server.signedIn(Role.ADMIN).get(Links.record(sealed.id())).statusCode())
        .isEqualTo(404);
    assertThat(viewer.get("/api/v1/records?q=T-1").body()).doesNotContain(sealed.id());

    EntityRecord assoc = newOrganization("Qingtian Hometown Association of Testland");
    EntityRecord zh = newOrganization("青田同鄉會");
    JsonNode suggest =
        json(viewer.get("/api/v1/records/suggest?q=qingtian%20home&type=organization"));
    assertThat(suggest).extracting(n -> n.get("id").asText()).contains(assoc.id());
    JsonNode simplified =
        json(viewer.get("/api/v1/records/suggest?q=" + org.vigil.web.review.Links.segment("青田同乡")));
    assertThat(simplified).extracting(n -> n.get("id").asText()).contains(zh.id());
  }

  @Test
  void relabelAndMergeFromPagesAndApi() throws Exception {
    EntityRecord survivor = newOrganization("Wenzhou Friendship Society");
    EntityRecord duplicate = newOrganization("Wenzhou Friendship Soc.");
    analyst.get(Links.record(duplicate.id()));
    HttpResponse<String> relabel =
        analyst.post(
            Links.record(duplicate.id()) + "/label",
            Map.of("version", "1", "label", "Wenzhou Friendship Society (copy)", "reason", "x"));
    assertThat(relabel.statusCode()).as(relabel.body()).isEqualTo(302);
    assertThat(server.vigil().records().require(duplicate.id()).label())
        .isEqualTo("Wenzhou Friendship Society (copy)");
    HttpResponse<String> stale =
        postJson(
            analyst,
            "/api/v1/records/" + duplicate.id() + "/label",
            Map.of("version", 1, "label", "Other"));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).get("error").get("message").asText())
        .contains("label")
        .contains("analyst");

    // the merge form offers the look-alike and is shown to reviewers only
    String page = reviewer.get(Links.record(duplicate.id())).body();
    assertThat(page).contains("id=\"merge-form\"").contains("value=\"" + survivor.id() + "\"");
    assertThat(analyst.get(Links.record(duplicate.id())).body())
        .doesNotContain("id=\"merge-form\"");
    assertThat(
            postJson(
                    analyst,
                    "/api/v1/records/" + duplicate.id() + "/merge",
                    Map.of("version", 2, "into", survivor.id()))
                .statusCode())
        .isEqualTo(403);

    reviewer.get("/records");
    HttpResponse<String> merged =
        postJson(
            reviewer,
            "/api/v1/records/" + duplicate.id() + "/merge",
            Map.of("version", 2, "into", survivor.id(), "reason", "same society"));
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
    assertThat(json(merged).get("id").asText()).isEqualTo(survivor.id());

    HttpResponse<String> redirect = viewer.get(Links.record(duplicate.id()));
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).hasValue(Links.record(survivor.id()));
    JsonNode viaApi = json(viewer.get("/api/v1/records/" + duplicate.id()));
    assertThat(viaApi.get("id").asText()).isEqualTo(survivor.id());
    assertThat(viaApi.get("mergedInto").asText()).isEqualTo(survivor.id());
    assertThat(viaApi.get("history").toString()).contains("record.merge");

    HttpResponse<String> wrongType =
        postJson(
            reviewer,
            "/api/v1/records/" + survivor.id() + "/merge",
            Map.of(
                "version",
                server.vigil().records().require(survivor.id()).version(),
                "into",
                server.vigil().records().list("station").get(0).id()));
    assertThat(wrongType.statusCode()).isEqualTo(400);
  }

  static HttpResponse<String> withToken(String method, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(JsonViews.mapper().writeValueAsString(body)));
    }
    return server.browser().send(b.build());
  }

  @Test
  void scriptsUseApiTokensWithoutCsrfAndTheSameRoles() throws Exception {
    String reviewerToken =
        server.vigil().accounts().issueApiToken("reviewer", "script", "test").token();
    String viewerToken =
        server.vigil().accounts().issueApiToken("viewer", "script", "test").token();
    Claim c = stationClaim(ClaimStatus.ALLEGED);
    assertThat(withToken("GET", "/api/v1/records/" + c.subjectId(), viewerToken, null).statusCode())
        .isEqualTo(200);
    Map<String, Object> body = Map.of("version", c.version(), "status", "disputed", "reason", "t");
    HttpResponse<String> refused =
        withToken("POST", "/api/v1/claims/" + c.id() + "/status", viewerToken, body);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused).get("error").get("message").asText()).contains("viewer");
    HttpResponse<String> ok =
        withToken("POST", "/api/v1/claims/" + c.id() + "/status", reviewerToken, body);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(json(ok).get("status").asText()).isEqualTo("disputed");
  }

  @Test
  void addClaimFormOnTheRecordPageIsSchemaDriven() {
    EntityRecord station = server.vigil().records().list("station").get(0);
    String zhPage;
    TestBrowser zh = server.signedIn(Role.ANALYST);
    zh.get("/lang/zh?next=/");
    zhPage = zh.get(Links.record(station.id())).body();
    // the station's properties and the station_status terms, in Chinese
    assertThat(zhPage).contains("id=\"claim-from-selection\"").contains("name=\"predicate\"");
    assertThat(zhPage).contains("value=\"operated_by\"").doesNotContain("value=\"tactic\"");
    assertThat(zhPage).contains("<option value=\"closed\">");
  }
}
