package org.vigil.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

/**
 * SQL and query-syntax injection in every search, filter and form field of the workspace: each
 * payload gets a normal answer (200, the payload searched for as text) or a clear refusal (400 with
 * the field named; 404 for an id that names nothing; 414/431 for a request line too long to read),
 * never a server error, never more than it should match, and the stored data is the same
 * afterwards.
 */
class InjectionTest {
  @TempDir static Path data;
  static TestServer server;

  /** SQL, Lucene syntax, control characters and odd Unicode. */
  static final List<String> PAYLOADS =
      List.of(
          "' OR 1=1 --",
          "\" OR \"\"=\"",
          "'; DROP TABLE source; --",
          "\"; DROP TABLE source; --",
          "1; DELETE FROM claim",
          "1 UNION SELECT name, password_hash FROM user --",
          "%' OR '%'='",
          "title:(*",
          "[a TO",
          "{a TO z]",
          "\\",
          "~~~",
          "*:*",
          "*",
          "?",
          "\"unbalanced",
          "a AND OR NOT",
          "(((((((((((((((((((((((((((((((",
          "/regex.*[/",
          "text:/.*/",
          "a^99999999999999",
          "a~2.5e300",
          "+-&&||!(){}[]^\"~*?:\\/",
          "NEAR(a b)",
          "\u0000\u0001\u001f",
          "\uD800",
          "\u202Eevil",
          "-1",
          "0x7fffffff",
          "99999999999999999999",
          "NaN",
          "../../../../etc/passwd",
          "%00",
          "${jndi:ldap://127.0.0.1/a}");

  /** For filter fields that take one word from a closed list: the kinds of payload, one each. */
  static final List<String> SHORT =
      List.of(
          "' OR 1=1 --",
          "\"; DROP TABLE source; --",
          "title:(*",
          "*:*",
          "\\",
          "\u0000",
          "\uD800",
          "99999999999999999999",
          "-1",
          "../../../../etc/passwd");

  /** Every GET field that filters or searches, by path. */
  static final Map<String, List<String>> FIELDS =
      Map.ofEntries(
          Map.entry(
              "/sources", List.of("q", "language", "publisher", "year", "sort", "page", "size")),
          Map.entry(
              "/api/v1/sources",
              List.of("q", "language", "publisher", "year", "sort", "page", "size")),
          Map.entry("/records", List.of("q", "type", "status", "page")),
          Map.entry("/api/v1/records", List.of("q", "type", "status", "page")),
          Map.entry("/api/v1/records/suggest", List.of("q", "type")),
          Map.entry("/review", List.of("kind", "status", "min", "page", "limit", "source")),
          Map.entry(
              "/api/v1/proposals", List.of("kind", "status", "min", "page", "limit", "source")),
          Map.entry("/map", List.of("from", "to", "agency", "tactic", "status", "layer")),
          Map.entry(
              "/api/v1/map/features", List.of("from", "to", "agency", "tactic", "status", "layer")),
          Map.entry("/api/v1/timeline", List.of("lang")),
          Map.entry("/api/v1/network", List.of("q")),
          Map.entry("/api/v1/stats", List.of("q")),
          Map.entry("/login", List.of("next")),
          Map.entry("/lang/en", List.of("next")));

  @BeforeAll
  static void start() {
    server = TestServer.start(data).withSamples();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everySearchAndFilterFieldAnswersOrRefusesClearlyAndChangesNothing() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    Intact before = Intact.of(server.vigil());
    int checked = 0;
    for (Map.Entry<String, List<String>> page : FIELDS.entrySet()) {
      for (String field : page.getValue()) {
        for (String payload : field.equals("q") ? PAYLOADS : SHORT) {
          // filters narrow a search: the source list needs words to search for beside them
          String words =
              page.getKey().endsWith("/sources") && !field.equals("q") ? "q=station&" : "";
          String path = page.getKey() + "?" + words + field + "=" + enc(payload);
          HttpResponse<String> json = b.get(path, Map.of("Accept", "application/json"));
          assertAnsweredOrRefused(json, path, field, true);
          if (!page.getKey().startsWith("/api/")) {
            assertAnsweredOrRefused(b.get(path), path, field, false);
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
    before.assertUnchanged(server.vigil(), "hostile searches and filters");
  }

  @Test
  void searchSyntaxNeverWidensTheMatchToEverything() throws Exception {
    TestBrowser b = server.signedIn(Role.VIEWER);
    long all = server.vigil().sources().count();
    assertThat(all).as("the samples are there to be over-matched").isGreaterThan(3);
    for (String payload :
        List.of("' OR 1=1 --", "\" OR \"\"=\"", "*:*", "*", "?", "%' OR '%'='", "text:/.*/")) {
      HttpResponse<String> r = b.get("/api/v1/sources?q=" + enc(payload));
      assertThat(r.statusCode()).as("%s: %s", payload, r.body()).isIn(200, 400);
      if (r.statusCode() == 200) {
        JsonNode found = JsonViews.mapper().readTree(r.body());
        assertThat(found.get("total").asLong())
            .as("sources matched by %s", payload)
            .isLessThan(all);
      } else {
        assertClearError(r, "q");
      }
    }
    // the record list searches labels as text: a quote-or trick finds nothing
    JsonNode records =
        JsonViews.mapper().readTree(b.get("/api/v1/records?q=" + enc("' OR 1=1 --")).body());
    assertThat(records.get("total").asLong()).isZero();
  }

  @Test
  void aLongQueryIsRefusedOrAnsweredButNeverBreaksTheServer() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    Intact before = Intact.of(server.vigil());
    for (int length : List.of(1_000, 6_000, 100_000)) {
      String q = "station ".repeat(length / 8);
      for (String path : List.of("/api/v1/sources?q=", "/api/v1/records?q=", "/sources?q=")) {
        HttpResponse<String> r = b.get(path + enc(q), Map.of("Accept", "application/json"));
        assertThat(r.statusCode())
            .as("%s with %d characters: %s", path, length, r.body())
            .isIn(200, 400, 413, 414, 431);
        if (r.statusCode() == 400) {
          assertClearError(r, "q");
        }
      }
    }
    assertThat(b.get("/api/v1/sources?q=station").statusCode()).isEqualTo(200);
    before.assertUnchanged(server.vigil(), "long queries");
  }

  @Test
  void signInNameAndPasswordAreNeverSql() {
    Intact before = Intact.of(server.vigil());
    for (int i = 0; i < 7; i++) {
      String payload = PAYLOADS.get(i);
      TestBrowser b = server.browser();
      b.get("/login");
      HttpResponse<String> asName = b.post("/login", Map.of("name", payload, "password", "x"));
      assertThat(asName.statusCode()).as("name %s", payload).isEqualTo(401);
      assertThat(asName.body()).contains("wrong name or password");
      b.get("/login");
      HttpResponse<String> asPassword =
          b.post("/login", Map.of("name", "admin' --" + i, "password", payload));
      assertThat(asPassword.statusCode()).as("password %s", payload).isEqualTo(401);
      assertThat(b.get("/").statusCode()).as("not signed in").isEqualTo(302);
    }
    // the failures went to names nobody has: the real admin is not locked out by them
    server.signedIn(Role.ADMIN);
    before.assertUnchanged(server.vigil(), "SQL in the sign-in form");
  }

  @Test
  void aUserNameThatIsSqlIsRefusedAsAName() {
    TestBrowser admin = server.signedIn(Role.ADMIN);
    admin.get("/admin/users");
    Intact before = Intact.of(server.vigil());
    for (String payload : List.of("x'; DROP TABLE user; --", "a\" OR \"1\"=\"1", "../admin")) {
      HttpResponse<String> r =
          admin.send(
              HttpRequest.newBuilder(URI.create(server.base() + "/admin/users"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .header("X-CSRF-Token", admin.csrf())
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "name=" + enc(payload) + "&role=viewer&password=" + enc("x".repeat(20))))
                  .build());
      assertThat(r.statusCode()).as("%s: %s", payload, r.body()).isEqualTo(400);
      assertClearError(r, "name");
    }
    before.assertUnchanged(server.vigil(), "hostile user names");
  }

  @Test
  void aLabelOrReasonThatIsSqlIsStoredAsTheTextItIs() throws Exception {
    TestBrowser analyst = server.signedIn(Role.ANALYST);
    JsonNode list = JsonViews.mapper().readTree(analyst.get("/api/v1/records").body());
    JsonNode first = list.get("items").get(0);
    String id = first.get("id").asText();
    analyst.get("/records");
    long sources = server.vigil().sources().count();
    long records = server.vigil().records().count();
    long claims = server.vigil().claims().count();
    String label = "x'); DROP TABLE record; -- \" OR 1=1 title:(* *:*";
    JsonNode record = JsonViews.mapper().readTree(analyst.get("/api/v1/records/" + enc(id)).body());
    HttpResponse<String> r =
        analyst.send(
            HttpRequest.newBuilder(
                    URI.create(server.base() + "/api/v1/records/" + enc(id) + "/label"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", analyst.csrf())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JsonViews.mapper()
                            .writeValueAsString(
                                Map.of(
                                    "version",
                                    record.path("version").asInt(),
                                    "label",
                                    label,
                                    "reason",
                                    "'; DELETE FROM audit_log; --"))))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode after = JsonViews.mapper().readTree(analyst.get("/api/v1/records/" + enc(id)).body());
    assertThat(after.get("label").asText()).isEqualTo(label);
    assertThat(server.vigil().sources().count()).isEqualTo(sources);
    assertThat(server.vigil().records().count()).isEqualTo(records);
    assertThat(server.vigil().claims().count()).isEqualTo(claims);
    assertThat(server.vigil().auditLog().verify().passed()).isTrue();
    assertThat(server.vigil().auditLog().recent(5))
        .anySatisfy(e -> assertThat(e.event().reason()).isEqualTo("'; DELETE FROM audit_log; --"));
  }

  // ---------------------------------------------------------------- checks

  private static void assertAnsweredOrRefused(
      HttpResponse<String> r, String path, String field, boolean json) {
    int status = r.statusCode();
    assertThat(status).as("%s: %s", path, r.body()).isIn(200, 302, 400, 404);
    if (status == 302) {
      // only the language switch and sign-in redirect, and only to a local page
      String to = r.headers().firstValue("Location").orElse("");
      assertThat(to).as(path).startsWith("/").doesNotStartWith("//");
    }
    if (json && status >= 400) {
      assertClearError(r, status == 400 ? field : null);
    }
    if (!json && status >= 400) {
      assertThat(r.body()).as(path).contains("<html").doesNotContain("internal_error");
    }
  }

  private static void assertClearError(HttpResponse<String> r, String field) {
    JsonNode error;
    try {
      error = JsonViews.mapper().readTree(r.body()).path("error");
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
    assertThat(error.path("code").asText()).as(r.body()).isIn("invalid_input", "not_found");
    assertThat(error.path("message").asText()).as(r.body()).isNotBlank();
    if (field != null && error.path("code").asText().equals("invalid_input")) {
      assertThat(error.path("fields").has(field) || error.path("message").asText().contains(field))
          .as("the refusal names the field %s: %s", field, r.body())
          .isTrue();
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
