package org.vigil.web.testimony;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.audit.AuditRecord;
import org.vigil.records.EntityRecord;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

class TestimonyControllerTest {
  static final String PASS = "a long enough passphrase";
  static final String ACCOUNT = "They came at dawn and asked for my brother. 凌晨他们来问我哥哥的事。";
  static final String PSEUDONYM = "Swallow-7 燕子";

  @TempDir Path data;
  TestServer server;
  EntityRecord incident;

  @BeforeEach
  void start() {
    server = TestServer.start(data);
    incident =
        server
            .vigil()
            .records()
            .create(
                "incident",
                "Visit to a shop 商店探访",
                null,
                ClaimStatus.ALLEGED,
                new Stamp("carol", Instant.now()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A multipart/form-data body: text fields, then file parts. */
  record Part(String name, String fileName, byte[] content) {
    static Part field(String name, String value) {
      return new Part(name, null, value.getBytes(UTF_8));
    }
  }

  static HttpRequest multipart(TestBrowser b, String path, List<Part> parts, boolean csrfHeader) {
    String boundary = "----vigil-testimony-boundary-91c2";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      out.writeBytes(("--" + boundary + "\r\n").getBytes(UTF_8));
      String disposition = "Content-Disposition: form-data; name=\"" + p.name() + "\"";
      if (p.fileName() != null) {
        disposition +=
            "; filename=\"" + p.fileName() + "\"\r\nContent-Type: application/octet-stream";
      }
      out.writeBytes((disposition + "\r\n\r\n").getBytes(UTF_8));
      out.writeBytes(p.content());
      out.writeBytes("\r\n".getBytes(UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(UTF_8));
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(b.base() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    if (csrfHeader) {
      r.header("X-CSRF-Token", b.csrf());
    }
    return r.build();
  }

  /** Intake through the form as the browser sends it: CSRF token as a form field. */
  static HttpResponse<String> intake(
      TestBrowser b, String pseudonym, String account, List<Part> files, List<String> incidents) {
    b.get("/testimony/new");
    List<Part> parts = new ArrayList<>();
    parts.add(Part.field("_csrf", b.csrf()));
    parts.add(Part.field("pseudonym", pseudonym));
    parts.add(Part.field("account", account));
    parts.add(Part.field("quote", "on"));
    parts.add(Part.field("contact", "on"));
    parts.add(Part.field("channel", "Signal via the caseworker"));
    parts.add(Part.field("share", "Partner One\nPartner Two"));
    for (String i : incidents) {
      parts.add(Part.field("incident", i));
    }
    parts.addAll(files);
    return b.send(multipart(b, "/testimony/new", parts, false));
  }

  static String sealedId(HttpResponse<String> r) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<code>(testimony:[^<]+)</code>").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }

  void custodian(String name) {
    server.vigil().keys().init(name, PASS.toCharArray(), "test");
  }

  @Test
  void analystTakesInTestimonyThroughTheFormAndSeesOnlyTheId() {
    custodian("reviewer");
    TestBrowser analyst = server.signedIn(Role.ANALYST);
    HttpResponse<String> form = analyst.get("/testimony/new");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("enctype=\"multipart/form-data\"")
        .contains("<datalist id=\"incident-records\">")
        .contains(incident.id())
        .contains("商店探访");

    HttpResponse<String> r =
        intake(
            analyst,
            PSEUDONYM,
            ACCOUNT,
            List.of(new Part("attachments", "photo.jpg", "jpeg bytes".getBytes(UTF_8))),
            List.of(incident.id()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = sealedId(r);
    assertThat(r.body()).doesNotContain("dawn").doesNotContain("燕子").doesNotContain("photo.jpg");
    assertThat(server.vigil().testimony().find(id).orElseThrow().attachments()).isEqualTo(1);
    assertThat(server.vigil().testimony().find(id).orElseThrow().incidentIds())
        .containsExactly(incident.id());
    List<AuditRecord> history = server.vigil().auditLog().history(id);
    assertThat(history).extracting(a -> a.event().actor()).contains("analyst");

    // without a CSRF token the form is refused
    HttpResponse<String> forged =
        analyst.send(
            multipart(
                analyst,
                "/testimony/new",
                List.of(Part.field("pseudonym", "x"), Part.field("account", "y")),
                false));
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void viewerMayNotTakeInTestimonyAndBadInputNamesTheFields() {
    custodian("reviewer");
    TestBrowser viewer = server.signedIn(Role.VIEWER);
    assertThat(viewer.get("/testimony/new").statusCode()).isEqualTo(403);
    viewer.get("/testimony");
    assertThat(
            viewer
                .post("/testimony/new", Map.of("pseudonym", PSEUDONYM, "account", ACCOUNT))
                .statusCode())
        .isEqualTo(403);
    assertThat(server.vigil().testimony().list("t")).isEmpty();

    TestBrowser analyst = server.signedIn(Role.ANALYST);
    analyst.get("/testimony/new");
    HttpResponse<String> bad =
        analyst.post(
            "/testimony/new", Map.of("pseudonym", " ", "account", ACCOUNT, "incident", "nope"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("pseudonym").contains("incidents").doesNotContain("dawn");
  }

  @Test
  void listShowsMetadataOnlyAndCustodianUnlocksReadsAndLocks() throws Exception {
    custodian("reviewer");
    TestBrowser analyst = server.signedIn(Role.ANALYST);
    String id =
        sealedId(
            intake(
                analyst,
                PSEUDONYM,
                ACCOUNT,
                List.of(
                    new Part("attachments", "note <b>1</b>.txt", "first".getBytes(UTF_8)),
                    new Part("attachments", "证据.txt", "second 第二".getBytes(UTF_8))),
                List.of(incident.id())));

    // the list: id, time, count, incidents; no pseudonym, no account, no names
    HttpResponse<String> list = analyst.get("/testimony");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(id)
        .contains(incident.id())
        .contains("<td>2</td>")
        .doesNotContain("Swallow")
        .doesNotContain("燕子")
        .doesNotContain("dawn")
        .doesNotContain("证据")
        .doesNotContain("unlock-form");
    // an analyst is no custodian: 403, never the content
    HttpResponse<String> denied = analyst.get("/testimony/" + id);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).doesNotContain("dawn");

    TestBrowser reviewer = server.signedIn(Role.REVIEWER);
    HttpResponse<String> locked = reviewer.get("/testimony/" + id);
    assertThat(locked.statusCode()).isEqualTo(423);
    assertThat(locked.body()).doesNotContain("dawn");
    assertThat(reviewer.get("/testimony").body()).contains("unlock-form");

    HttpResponse<String> wrong =
        reviewer.post("/testimony/unlock", Map.of("passphrase", "not the passphrase"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(reviewer.get("/testimony/" + id).statusCode()).isEqualTo(423);

    reviewer.get("/testimony");
    HttpResponse<String> ok = reviewer.post("/testimony/unlock", Map.of("passphrase", PASS));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
    // the key is in server memory only: no cookie carries it
    assertThat(ok.headers().allValues("Set-Cookie"))
        .allSatisfy(c -> assertThat(c).startsWith("vigil_flash="));

    HttpResponse<String> page = reviewer.get("/testimony/" + id);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Swallow-7 燕子")
        .contains("凌晨他们来问我哥哥的事")
        .contains("Signal via the caseworker")
        .contains("Partner Two")
        .contains("note &lt;b&gt;1&lt;/b&gt;.txt")
        .doesNotContain("note <b>1</b>")
        .contains("证据.txt");
    AuditRecord read =
        server.vigil().auditLog().history(id).stream()
            .filter(a -> a.event().action().equals("testimony.read"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(read.event().actor()).isEqualTo("reviewer");

    HttpResponse<String> file = reviewer.get("/testimony/" + id + "/attachments/2");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo("second 第二");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;")
        .contains("UTF-8''%E8%AF%81%E6%8D%AE.txt");
    assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(reviewer.get("/testimony/" + id + "/attachments/3").statusCode()).isEqualTo(404);
    long reads =
        server.vigil().auditLog().history(id).stream()
            .filter(a -> a.event().action().equals("testimony.read"))
            .count();
    assertThat(reads).isEqualTo(3);

    // the session API answers the unlocked custodian too
    JsonNode json = JsonViews.mapper().readTree(reviewer.get("/api/v1/testimony/" + id).body());
    assertThat(json.get("pseudonym").asText()).isEqualTo(PSEUDONYM);
    assertThat(json.get("consent").get("shareWith")).hasSize(2);

    // lock: 423 again
    reviewer.get("/testimony");
    assertThat(reviewer.post("/testimony/lock", Map.of()).statusCode()).isEqualTo(302);
    assertThat(reviewer.get("/testimony/" + id).statusCode()).isEqualTo(423);

    // unlock again, sign out, sign in: the key did not survive the session
    reviewer.get("/testimony");
    assertThat(reviewer.post("/testimony/unlock", Map.of("passphrase", PASS)).statusCode())
        .isEqualTo(302);
    assertThat(reviewer.get("/testimony/" + id).statusCode()).isEqualTo(200);
    reviewer.get("/testimony");
    assertThat(reviewer.post("/logout", Map.of()).statusCode()).isEqualTo(302);
    reviewer.login("reviewer", TestServer.PASSWORD);
    assertThat(reviewer.get("/testimony/" + id).statusCode()).isEqualTo(423);
    // another browser of the same user does not share the key either
    TestBrowser second = server.signedIn(Role.REVIEWER);
    second.get("/testimony");
    second.post("/testimony/unlock", Map.of("passphrase", PASS));
    assertThat(second.get("/testimony/" + id).statusCode()).isEqualTo(200);
    assertThat(reviewer.get("/testimony/" + id).statusCode()).isEqualTo(423);
  }

  @Test
  void nonCustodianCannotUnlockAndWrongPassphrasesAreThrottled() {
    custodian("reviewer");
    TestBrowser analyst = server.signedIn(Role.ANALYST);
    analyst.get("/testimony");
    assertThat(analyst.post("/testimony/unlock", Map.of("passphrase", PASS)).statusCode())
        .isEqualTo(403);

    TestBrowser reviewer = server.signedIn(Role.REVIEWER);
    for (int i = 0; i < UnlockedKeys.MAX_FAILURES; i++) {
      reviewer.get("/testimony");
      assertThat(
              reviewer
                  .post("/testimony/unlock", Map.of("passphrase", "wrong guess " + i))
                  .statusCode())
          .isEqualTo(401);
    }
    reviewer.get("/testimony");
    HttpResponse<String> throttled = reviewer.post("/testimony/unlock", Map.of("passphrase", PASS));
    assertThat(throttled.statusCode()).isEqualTo(429);
  }

  @Test
  void apiTakesInJsonListsMetadataAndRefusesTokenReads() throws Exception {
    custodian("reviewer");
    String analystToken =
        server.vigil().accounts().issueApiToken("analyst", "script", "admin").token();
    String reviewerToken =
        server.vigil().accounts().issueApiToken("reviewer", "script", "admin").token();
    String viewerToken =
        server.vigil().accounts().issueApiToken("viewer", "script", "admin").token();
    String body =
        """
        {"pseudonym":"Heron","account":"%s","incidents":["%s"],
         "consent":{"quoteAllowed":false,"contactAllowed":true,"contactChannel":"phone","shareWith":["P"]},
         "attachments":[{"name":"a.txt","content":"%s"}]}
        """
            .formatted(
                "api account words",
                incident.id(),
                java.util.Base64.getEncoder().encodeToString("attached".getBytes(UTF_8)));
    TestBrowser b = server.browser();
    HttpResponse<String> created =
        b.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/testimony"))
                .header("Authorization", "Bearer " + analystToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode c = JsonViews.mapper().readTree(created.body());
    assertThat(c.get("status").asText()).isEqualTo("sealed");
    String id = c.get("id").asText();
    assertThat(created.body()).doesNotContain("api account words").doesNotContain("Heron");

    HttpResponse<String> byViewer =
        b.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/testimony"))
                .header("Authorization", "Bearer " + viewerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(byViewer.statusCode()).isEqualTo(403);

    HttpResponse<String> list =
        b.get("/api/v1/testimony", Map.of("Authorization", "Bearer " + viewerToken));
    JsonNode rows = JsonViews.mapper().readTree(list.body());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("id").asText()).isEqualTo(id);
    assertThat(rows.get(0).get("attachments").asInt()).isEqualTo(1);
    assertThat(rows.get(0).get("incidents").get(0).asText()).isEqualTo(incident.id());
    assertThat(list.body()).doesNotContain("Heron").doesNotContain("a.txt");

    HttpResponse<String> read =
        b.get("/api/v1/testimony/" + id, Map.of("Authorization", "Bearer " + reviewerToken));
    assertThat(read.statusCode()).isEqualTo(423);
    assertThat(JsonViews.mapper().readTree(read.body()).get("error").get("code").asText())
        .isEqualTo("keys_locked");

    HttpResponse<String> badJson =
        b.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/testimony"))
                .header("Authorization", "Bearer " + analystToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pseudonym\":\"\"}"))
                .build());
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(
            JsonViews.mapper().readTree(badJson.body()).get("error").get("fields").has("account"))
        .isTrue();

    HttpResponse<String> huge =
        b.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/testimony"))
                .header("Authorization", "Bearer " + analystToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        new byte[TestimonyController.MAX_REQUEST + 10]))
                .build());
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  @Test
  void oversizedMultipartIsRefusedWith413EvenWithoutAContentLength() {
    custodian("reviewer");
    TestBrowser analyst = server.signedIn(Role.ANALYST);
    analyst.get("/testimony/new");
    byte[] big = new byte[TestimonyController.MAX_REQUEST + 1024];
    for (boolean header : List.of(true, false)) {
      List<Part> parts = new ArrayList<>();
      parts.add(Part.field("_csrf", analyst.csrf()));
      parts.add(Part.field("pseudonym", "p"));
      parts.add(Part.field("account", "a"));
      parts.add(new Part("attachments", "big.bin", big));
      HttpRequest sized = multipart(analyst, "/testimony/new", parts, header);
      HttpResponse<String> r = analyst.send(sized);
      assertThat(r.statusCode()).as("with Content-Length").isEqualTo(413);
      // the same body streamed in chunks: the in-memory parser enforces the limit
      HttpRequest chunked =
          HttpRequest.newBuilder(sized.uri())
              .headers(
                  sized.headers().map().entrySet().stream()
                      .flatMap(
                          e ->
                              e.getValue().stream()
                                  .flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
                      .toArray(String[]::new))
              .POST(
                  HttpRequest.BodyPublishers.ofInputStream(
                      () -> new java.io.ByteArrayInputStream(body(sized))))
              .build();
      HttpResponse<String> c = analyst.send(chunked);
      assertThat(c.statusCode()).as("chunked, CSRF header %s: %s", header, c.body()).isEqualTo(413);
    }
    assertThat(server.vigil().testimony().list("t")).isEmpty();
  }

  /** The bytes a request publishes. */
  static byte[] body(HttpRequest r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer> sub =
        new java.util.concurrent.Flow.Subscriber<>() {
          @Override
          public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(java.nio.ByteBuffer b) {
            byte[] a = new byte[b.remaining()];
            b.get(a);
            out.writeBytes(a);
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onComplete() {}
        };
    r.bodyPublisher().orElseThrow().subscribe(sub);
    return out.toByteArray();
  }
}
