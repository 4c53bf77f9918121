package org.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;

class WebAppTest {
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
  void anonymousPageRequestRedirectsToSignIn() {
    HttpResponse<String> r = server.browser().get("/");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2F");
  }

  @Test
  void anonymousApiRequestGetsJsonUnauthenticated() {
    HttpResponse<String> r = server.browser().get("/api/v1/nothing-here");
    assertThat(r.statusCode()).isIn(401, 404);
    assertThat(r.body()).contains("\"code\"");
  }

  @Test
  void signInShowsTheDashboardAndSignOutEndsTheSession() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    HttpResponse<String> home = b.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("id=\"count-sources\"").contains("viewer");
    assertThat(b.post("/logout", Map.of()).statusCode()).isEqualTo(302);
    assertThat(b.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
    TestBrowser b = server.browser();
    b.get("/login");
    HttpResponse<String> wrongPassword =
        b.post("/login", Map.of("name", "viewer", "password", "not the password at all"));
    b.get("/login");
    HttpResponse<String> unknownUser =
        b.post("/login", Map.of("name", "nobody-here", "password", "not the password at all"));
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknownUser.statusCode()).isEqualTo(401);
    assertThat(errorOf(wrongPassword.body())).isEqualTo(errorOf(unknownUser.body()));
  }

  @Test
  void signInWithoutTheFormTokenIsRefused() {
    TestBrowser b = server.browser();
    b.get("/login");
    HttpResponse<String> r =
        b.postRaw("/login", Map.of("name", "viewer", "password", TestServer.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void writeWithoutCsrfTokenIsRefusedEvenWhenSignedIn() {
    TestBrowser b = server.signedIn(Role.ADMIN);
    b.get("/");
    assertThat(b.postRaw("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(b.postRaw("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(b.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    HttpResponse<String> r = server.browser().get("/login");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("object-src 'none'")
        .contains("frame-ancestors 'none'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().allValues("Set-Cookie"))
        .allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteAndNewOnEverySignIn() {
    TestBrowser b = server.browser();
    b.get("/login");
    HttpResponse<String> first =
        b.post("/login", Map.of("name", "analyst", "password", TestServer.PASSWORD));
    b.get("/");
    b.post("/logout", Map.of());
    b.get("/login");
    HttpResponse<String> second =
        b.post("/login", Map.of("name", "analyst", "password", TestServer.PASSWORD));
    String c1 = sessionCookie(first);
    String c2 = sessionCookie(second);
    assertThat(c1).contains("HttpOnly").contains("SameSite=Lax");
    assertThat(c1).isNotEqualTo(c2);
  }

  @Test
  void chineseInterfaceIsServedAfterTheSwitch() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    HttpResponse<String> sw = b.get("/lang/zh?next=%2F");
    assertThat(sw.statusCode()).isEqualTo(302);
    HttpResponse<String> home = b.get("/");
    assertThat(home.body()).contains("lang=\"zh-Hans\"").contains("概览");
    b.get("/lang/en?next=%2F");
    assertThat(b.get("/").body()).contains("lang=\"en\"").contains("Overview");
  }

  @Test
  void languageSwitchDoesNotRedirectOffSite() {
    HttpResponse<String> r = server.browser().get("/lang/en?next=%2F%2Fevil.example%2F");
    assertThat(r.headers().firstValue("Location")).hasValue("/");
  }

  @Test
  void unknownPageIs404InHtmlAndJson() {
    TestBrowser b = server.signedIn(Role.VIEWER);
    HttpResponse<String> html = b.get("/no/such/page");
    assertThat(html.statusCode()).isEqualTo(404);
    assertThat(html.body()).contains("not_found");
    HttpResponse<String> json = b.get("/no/such/page", Map.of("Accept", "application/json"));
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.body()).contains("\"code\":\"not_found\"");
  }

  private static String sessionCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(Web.SESSION_COOKIE + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers()));
  }

  private static String errorOf(String body) {
    int i = body.indexOf("id=\"login-error\">");
    return i < 0 ? "" : body.substring(i, body.indexOf('<', i + 18));
  }
}
