package org.vigil.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

class AdminControllerTest {
  private static final Pattern SECRET = Pattern.compile("id=\"secret-value\">([^<]+)<");
  @TempDir static Path data;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(data);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void adminAddsAUserWithAGeneratedPasswordShownOnceThatSignsIn() {
    TestBrowser admin = server.signedIn(Role.ADMIN);
    admin.get("/admin/users");
    HttpResponse<String> r =
        admin.post(
            "/admin/users", Map.of("name", "new-analyst", "role", "analyst", "password", ""));
    assertThat(r.statusCode()).isEqualTo(200);
    String password = secret(r.body());
    TestBrowser fresh = server.browser();
    fresh.login("new-analyst", password);
    assertThat(fresh.get("/").statusCode()).isEqualTo(200);
    // the list shown afterwards no longer carries the password
    assertThat(admin.get("/admin/users").body()).doesNotContain(password).contains("new-analyst");
  }

  @Test
  void disablingAUserEndsTheirSession() {
    server.vigil().accounts().addUser("short-lived", Role.VIEWER, TestServer.PASSWORD, "test");
    TestBrowser user = server.browser();
    user.login("short-lived", TestServer.PASSWORD);
    assertThat(user.get("/").statusCode()).isEqualTo(200);
    TestBrowser admin = server.signedIn(Role.ADMIN);
    admin.get("/admin/users");
    assertThat(admin.post("/admin/users/short-lived/disable", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(user.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void nonAdminsCannotSeeOrChangeUsers() {
    TestBrowser analyst = server.signedIn(Role.ANALYST);
    assertThat(analyst.get("/admin/users").statusCode()).isEqualTo(403);
    analyst.get("/");
    assertThat(
            analyst
                .post("/admin/users", Map.of("name", "sneaky", "role", "admin", "password", ""))
                .statusCode())
        .isEqualTo(403);
    assertThat(server.vigil().accounts().find("sneaky")).isEmpty();
  }

  @Test
  void aUserIssuesUsesAndRevokesTheirOwnApiToken() {
    TestBrowser reviewer = server.signedIn(Role.REVIEWER);
    reviewer.get("/account");
    HttpResponse<String> issued =
        reviewer.post("/account/tokens", Map.of("label", "nightly script"));
    String token = secret(issued.body());
    HttpResponse<String> me = bearer("/api/v1/me", token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"name\":\"reviewer\"");
    String id =
        server.vigil().accounts().apiTokens("reviewer").stream()
            .filter(t -> t.label().equals("nightly script"))
            .findFirst()
            .orElseThrow()
            .id();
    reviewer.get("/account");
    assertThat(reviewer.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode())
        .isEqualTo(302);
    HttpResponse<String> after = bearer("/api/v1/me", token);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.body()).contains("\"code\":\"unauthenticated\"");
  }

  @Test
  void nobodyRevokesSomeoneElsesToken() {
    String id = server.vigil().accounts().issueApiToken("admin", "admin's own", "admin").id();
    TestBrowser viewer = server.signedIn(Role.VIEWER);
    viewer.get("/account");
    assertThat(viewer.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(server.vigil().accounts().apiTokens("admin").stream().filter(t -> t.id().equals(id)))
        .allSatisfy(t -> assertThat(t.revoked()).isFalse());
  }

  private static String secret(String body) {
    Matcher m = SECRET.matcher(body);
    assertThat(m.find()).as("a secret shown once in %s", body).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> bearer(String path, String token) {
    return server
        .browser()
        .send(
            HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
  }
}
