package org.vigil.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.IssuedToken;
import org.vigil.accounts.Permission;
import org.vigil.accounts.Role;
import org.vigil.web.Access;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

/**
 * Attacks on the web gate, over every route the running server has (enumerated, so routes added
 * later are covered without editing this test): cross-site writes without the CSRF token, roles
 * calling routes that need more, anonymous callers, revoked and disabled API tokens, session
 * fixation and brute-force sign-in. Each case asserts the refusal (status, stable code, a message
 * naming the problem) and that the workspace is unchanged afterwards ({@link Intact}).
 */
class WebAttackTest {
  @TempDir static Path data;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(data).withSamples();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A route of the running server with the access it declares. */
  record Route(String method, String path, Access access) {
    boolean changesState() {
      return !Set.of("GET", "HEAD", "OPTIONS").contains(method);
    }

    /** The path with every parameter filled with a value no stored object has. */
    String concrete() {
      return path.replaceAll("\\{[^}]+}", "hostile-probe").replaceAll("<[^>]+>", "hostile-probe");
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + access + ")";
    }
  }

  static List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (ParsedEndpoint p : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
      Endpoint e = p.endpoint;
      String m = e.method.name();
      if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)) {
        continue; // before/after filters
      }
      Roles r = e.metadata(Roles.class);
      assertThat(r).as("%s %s declares its access", m, e.path).isNotNull();
      out.add(new Route(m, e.path, (Access) r.getRoles().iterator().next()));
    }
    return out;
  }

  @Test
  void theEnumerationSeesTheWholeWorkspace() {
    // guards the enumeration itself: if it came back short, every loop below would pass vacuously
    List<String> seen = routes().stream().map(r -> r.method() + " " + r.path()).toList();
    assertThat(seen)
        .contains(
            "POST /login",
            "POST /sources/capture",
            "POST /review/{id}/accept",
            "POST /claims/{id}/status",
            "POST /records/{id}/merge",
            "POST /admin/users",
            "POST /api/v1/claims",
            "GET /admin/users");
    assertThat(routes().stream().filter(Route::changesState).count()).isGreaterThan(20);
  }

  // ---------------------------------------------------------------- CSRF

  @Test
  void everyStateChangingRouteRefusesACrossSitePostWithoutTheToken() {
    TestBrowser admin = server.signedIn(Role.ADMIN);
    admin.get("/");
    TestBrowser other = server.signedIn(Role.ADMIN);
    other.get("/");
    String othersToken = other.csrf();
    assertThat(othersToken).isNotBlank().isNotEqualTo(admin.csrf());
    Intact before = Intact.of(server.vigil());
    int checked = 0;
    for (Route route : routes()) {
      if (!route.changesState()) {
        continue;
      }
      Map<String, String> noToken = Map.of();
      Map<String, String> forged = Map.of("_csrf", "forged");
      Map<String, String> anotherSessions = Map.of("_csrf", othersToken);
      for (Map<String, String> form : List.of(noToken, forged, anotherSessions)) {
        // a form posted from another site: the browser sends the cookie, an Origin of its own,
        // and whatever fields the attacker chose
        HttpResponse<String> r =
            admin.send(
                formRequest(route, form)
                    .header("Origin", "https://evil.example")
                    .header("Accept", "application/json")
                    .build());
        assertRefused(r, 403, "forbidden", "security token", route + " with " + form);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
    before.assertUnchanged(server.vigil(), "cross-site posts");
    assertThat(admin.get("/").statusCode()).as("the victim's session survives").isEqualTo(200);
  }

  @Test
  void signInFormIsProtectedToo() {
    TestBrowser b = server.browser();
    b.get("/login");
    HttpResponse<String> r =
        b.postRaw("/login", Map.of("name", "viewer", "password", TestServer.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("security token");
    assertThat(b.get("/").statusCode()).as("not signed in").isEqualTo(302);
  }

  @Test
  void aNonBearerAuthorizationHeaderDoesNotSwitchOffTheCsrfCheck() {
    // browsers attach cached Basic credentials to cross-site requests on their own
    TestBrowser admin = server.signedIn(Role.ADMIN);
    admin.get("/");
    Intact before = Intact.of(server.vigil());
    for (Route route : routes()) {
      if (!route.changesState() || route.access() == Access.PUBLIC) {
        continue;
      }
      HttpResponse<String> r =
          admin.send(
              formRequest(route, Map.of())
                  .header("Authorization", "Basic dmlld2VyOnBhc3N3b3Jk")
                  .header("Accept", "application/json")
                  .build());
      assertThat(r.statusCode()).as("%s: %s", route, r.body()).isIn(401, 403);
      assertThat(r.statusCode() == 403 ? r.body() : "security token")
          .as("%s", route)
          .contains("security token");
    }
    before.assertUnchanged(server.vigil(), "posts with a Basic header");
    assertThat(admin.get("/").statusCode()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- roles

  @Test
  void everyRoleIsRefusedEveryRouteThatNeedsMoreThanItHas() {
    Intact before = Intact.of(server.vigil());
    int checked = 0;
    for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.REVIEWER)) {
      TestBrowser b = server.signedIn(role);
      b.get("/");
      for (Route route : routes()) {
        Permission needed = route.access().permission();
        if (needed == null || role.can(needed)) {
          continue;
        }
        // with a valid CSRF token, so the refusal can only come from the role
        HttpRequest.Builder req =
            route.changesState()
                ? formRequest(route, Map.of()).header("X-CSRF-Token", b.csrf())
                : HttpRequest.newBuilder(URI.create(server.base() + route.concrete())).GET();
        HttpResponse<String> r = b.send(req.header("Accept", "application/json").build());
        assertRefused(
            r, 403, "forbidden", "your role (" + role.code() + ") may not", role + " on " + route);
        checked++;
      }
    }
    // viewer alone is refused capture, edit, review and admin routes
    assertThat(checked).isGreaterThan(25);
    before.assertUnchanged(server.vigil(), "calls beyond a role");
  }

  @Test
  void everyRoleIsRefusedOverTheApiWithItsOwnTokenAsWell() {
    Map<Role, String> tokens = new LinkedHashMap<>();
    for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.REVIEWER)) {
      tokens.put(
          role, server.vigil().accounts().issueApiToken(role.code(), "hostile", "admin").token());
    }
    Intact before = Intact.of(server.vigil());
    for (Map.Entry<Role, String> t : tokens.entrySet()) {
      for (Route route : routes()) {
        Permission needed = route.access().permission();
        if (needed == null || t.getKey().can(needed)) {
          continue;
        }
        HttpResponse<String> r =
            server
                .browser()
                .send(
                    request(route, "{}", "application/json")
                        .header("Authorization", "Bearer " + t.getValue())
                        .header("Accept", "application/json")
                        .build());
        assertRefused(r, 403, "forbidden", "may not", t.getKey() + " token on " + route);
      }
    }
    before.assertUnchanged(server.vigil(), "token calls beyond a role");
  }

  @Test
  void anonymousCallersGetNothingButTheSignInPage() {
    Intact before = Intact.of(server.vigil());
    TestBrowser anonymous = server.browser();
    for (Route route : routes()) {
      if (route.access() == Access.PUBLIC) {
        continue;
      }
      HttpResponse<String> r =
          anonymous.send(
              request(route, "", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .build());
      assertRefused(r, 401, "unauthenticated", "sign in", "anonymous " + route);
      HttpResponse<String> page =
          anonymous.send(request(route, "", "application/x-www-form-urlencoded").build());
      if (route.method().equals("GET") && !route.path().startsWith("/api/")) {
        assertThat(page.statusCode()).as("%s", route).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).startsWith("/login?next=");
      } else {
        assertThat(page.statusCode()).as("%s", route).isEqualTo(401);
      }
    }
    before.assertUnchanged(server.vigil(), "anonymous calls");
  }

  @Test
  void testimonyIsInTheLoopsAndNoOneButAnUnlockedCustodianReadsIt() {
    // the role and CSRF loops above cover these routes; this pins that they are there
    assertThat(routes().stream().map(Route::toString))
        .contains("POST /testimony/new (CAPTURE)", "POST /api/v1/testimony (CAPTURE)")
        .contains("GET /testimony/{id} (READ)", "POST /testimony/unlock (READ)");
    Intact before = Intact.of(server.vigil());
    for (Role role : Role.values()) {
      // no user is a custodian here and the id names nothing: never an answer with content
      // (404 for an unknown id today; 403/423 for a real one)
      TestBrowser b = server.signedIn(role);
      for (String path :
          List.of(
              "/testimony/hostile-probe",
              "/testimony/hostile-probe/attachments/1",
              "/api/v1/testimony/hostile-probe")) {
        HttpResponse<String> r = b.get(path, Map.of("Accept", "application/json"));
        assertThat(r.statusCode()).as("%s %s: %s", role, path, r.body()).isIn(403, 404, 423);
        assertThat(r.body())
            .as("%s %s", role, path)
            .containsAnyOf("forbidden", "keys_locked", "not_found");
      }
    }
    // an API token never reads testimony, whatever its role
    String token =
        server.vigil().accounts().issueApiToken("admin", "testimony probe", "admin").token();
    HttpResponse<String> r =
        server.browser().send(bearer("/api/v1/testimony/hostile-probe", token).GET().build());
    assertRefused(r, 423, "keys_locked", "API tokens cannot unlock", "token reading testimony");
    HttpResponse<String> unlock =
        server
            .browser()
            .send(
                bearer("/testimony/unlock", token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("passphrase=guess"))
                    .build());
    assertThat(unlock.statusCode()).as(unlock.body()).isIn(401, 403, 423);
    Intact after = Intact.of(server.vigil());
    assertThat(after.sources()).isEqualTo(before.sources());
    assertThat(after.claims()).isEqualTo(before.claims());
    assertThat(after.records()).isEqualTo(before.records());
    assertThat(server.vigil().auditLog().verify(before.audit()).passed()).isTrue();
  }

  // ---------------------------------------------------------------- tokens

  @Test
  void aRevokedTokenIsRefusedAtOnceAndCannotWrite() throws Exception {
    IssuedToken t = server.vigil().accounts().issueApiToken("analyst", "to revoke", "admin");
    TestBrowser script = server.browser();
    HttpResponse<String> ok = script.send(bearer("/api/v1/me", t.token()).GET().build());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JsonViews.mapper().readTree(ok.body()).get("name").asText()).isEqualTo("analyst");

    // the admin revokes it through the admin page, as an admin would
    TestBrowser admin = server.signedIn(Role.ADMIN);
    admin.get("/admin/users");
    assertThat(admin.post("/admin/tokens/" + t.id() + "/revoke", Map.of()).statusCode())
        .isEqualTo(302);

    Intact before = Intact.of(server.vigil());
    HttpResponse<String> read = script.send(bearer("/api/v1/me", t.token()).GET().build());
    assertRefused(read, 401, "unauthenticated", "revoked", "revoked token reading");
    HttpResponse<String> write =
        script.send(
            bearer("/api/v1/claims", t.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sourceId\":\"x\"}"))
                .build());
    assertRefused(write, 401, "unauthenticated", "revoked", "revoked token writing");
    // a near miss of the secret is no better
    HttpResponse<String> mangled = script.send(bearer("/api/v1/me", t.token() + "x").GET().build());
    assertRefused(mangled, 401, "unauthenticated", "unknown", "altered token");
    before.assertUnchanged(server.vigil(), "revoked token use");
  }

  @Test
  void aDisabledUsersTokenAndSessionStopWorking() {
    server.vigil().accounts().addUser("leaver", Role.ANALYST, TestServer.PASSWORD, "admin");
    IssuedToken t = server.vigil().accounts().issueApiToken("leaver", "laptop", "admin");
    TestBrowser session = server.browser();
    session.login("leaver", TestServer.PASSWORD);
    assertThat(session.get("/").statusCode()).isEqualTo(200);
    server.vigil().accounts().disable("leaver", "admin");
    Intact before = Intact.of(server.vigil());
    HttpResponse<String> r = server.browser().send(bearer("/api/v1/me", t.token()).GET().build());
    assertRefused(r, 401, "unauthenticated", "disabled", "disabled user's token");
    assertThat(session.get("/").statusCode()).as("disabled user's session").isEqualTo(302);
    before.assertUnchanged(server.vigil(), "disabled user's calls");
  }

  @Test
  void oneUserCannotRevokeAnotherUsersTokenThroughTheirOwnAccountPage() {
    IssuedToken t = server.vigil().accounts().issueApiToken("reviewer", "kept", "admin");
    TestBrowser viewer = server.signedIn(Role.VIEWER);
    viewer.get("/account");
    Intact before = Intact.of(server.vigil());
    HttpResponse<String> r =
        viewer.send(
            formRequest(
                    new Route("POST", "/account/tokens/" + t.id() + "/revoke", Access.READ),
                    Map.of("_csrf", viewer.csrf()))
                .header("Accept", "application/json")
                .build());
    assertRefused(r, 404, "not_found", "you have no token", "viewer revoking reviewer's token");
    before.assertUnchanged(server.vigil(), "a revoke of another user's token");
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void aSessionCookiePlantedBeforeSignInIsNeverTheSessionAfter() {
    Intact before = Intact.of(server.vigil());
    String planted = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    TestBrowser victim = server.browser();
    HttpResponse<String> form = victim.get("/login", Map.of("Cookie", "vigil_session=" + planted));
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> signIn =
        victim.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "vigil_session=" + planted)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "name=analyst&password="
                            + TestServer.PASSWORD.replace(' ', '+')
                            + "&_csrf="
                            + victim.csrf()))
                .build());
    assertThat(signIn.statusCode()).isEqualTo(302);
    String issued = sessionValue(signIn);
    assertThat(issued).isNotEqualTo(planted).hasSize(planted.length());
    // the planted value opens nothing
    assertThat(server.browser().get("/", Map.of("Cookie", "vigil_session=" + planted)).statusCode())
        .isEqualTo(302);
    assertThat(server.browser().get("/", Map.of("Cookie", "vigil_session=" + issued)).statusCode())
        .isEqualTo(200);
    before.assertUnchanged(server.vigil(), "a planted session cookie");
  }

  @Test
  void anAttackersOwnSessionPlantedInAVictimsBrowserEndsWhenTheVictimSignsIn() {
    Intact before = Intact.of(server.vigil());
    // the attacker signs in as a viewer and plants that session cookie in the victim's browser
    TestBrowser attacker = server.browser();
    attacker.get("/login");
    HttpResponse<String> own =
        attacker.post("/login", Map.of("name", "viewer", "password", TestServer.PASSWORD));
    String attackers = sessionValue(own);
    TestBrowser victim = server.browser();
    HttpResponse<String> page =
        victim.get("/login", Map.of("Cookie", "vigil_session=" + attackers));
    // signed in already (as the attacker): the form redirects; the victim signs in anyway
    assertThat(page.statusCode()).isIn(200, 302);
    victim.get("/login");
    HttpResponse<String> signIn =
        victim.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "vigil_session=" + attackers)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "name=admin&password="
                            + TestServer.PASSWORD.replace(' ', '+')
                            + "&_csrf="
                            + csrfFor(attackers)))
                .build());
    assertThat(signIn.statusCode()).isEqualTo(302);
    String victims = sessionValue(signIn);
    assertThat(victims).isNotEqualTo(attackers);
    // the attacker's cookie no longer opens anything, let alone the admin's session
    assertThat(server.browser().get("/admin/users", Map.of("Cookie", "vigil_session=" + attackers)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(302);
    before.assertUnchanged(server.vigil(), "a planted attacker session");
  }

  @Test
  void signOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
    Intact before = Intact.of(server.vigil());
    TestBrowser b = server.browser();
    b.get("/login");
    String token =
        sessionValue(b.post("/login", Map.of("name", "reviewer", "password", TestServer.PASSWORD)));
    b.get("/");
    assertThat(b.post("/logout", Map.of()).statusCode()).isEqualTo(302);
    // replaying the old cookie from elsewhere
    assertThat(server.browser().get("/", Map.of("Cookie", "vigil_session=" + token)).statusCode())
        .isEqualTo(302);
    before.assertUnchanged(server.vigil(), "a replayed cookie");
  }

  // ---------------------------------------------------------------- brute force

  @Test
  void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
    server.vigil().accounts().addUser("target", Role.ANALYST, TestServer.PASSWORD, "admin");
    TestBrowser b = server.browser();
    for (int i = 0; i < 5; i++) {
      b.get("/login");
      HttpResponse<String> r =
          b.post("/login", Map.of("name", "target", "password", "guess number " + i + " wrong"));
      assertThat(r.statusCode()).as("attempt %d", i).isEqualTo(401);
    }
    Intact before = Intact.of(server.vigil());
    b.get("/login");
    HttpResponse<String> right =
        b.post("/login", Map.of("name", "target", "password", TestServer.PASSWORD));
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.body()).contains("this account").containsIgnoringCase("try again");
    assertThat(b.get("/").statusCode()).as("not signed in").isEqualTo(302);
    // the name is matched without case or spaces, so variants do not dodge the lock
    b.get("/login");
    assertThat(
            b.post("/login", Map.of("name", "  TARGET ", "password", TestServer.PASSWORD))
                .statusCode())
        .isEqualTo(429);
    before.assertUnchanged(server.vigil(), "a locked sign-in");
    // other users are not locked out by it
    server.signedIn(Role.ANALYST);
  }

  @Test
  void oneAddressTryingManyNamesIsLockedOut() {
    // a separate workspace: this locks the loopback address for every name
    try (TestServer own = TestServer.start(data.resolve("address-lock"))) {
      TestBrowser b = own.browser();
      for (int i = 0; i < 20; i++) {
        b.get("/login");
        assertThat(
                b.post("/login", Map.of("name", "guess" + i, "password", "wrong password here"))
                    .statusCode())
            .as("attempt %d", i)
            .isEqualTo(401);
      }
      b.get("/login");
      HttpResponse<String> r =
          b.post("/login", Map.of("name", "viewer", "password", TestServer.PASSWORD));
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.body()).contains("this client address");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static HttpRequest.Builder formRequest(Route route, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return request(route, body.toString(), "application/x-www-form-urlencoded");
  }

  private static HttpRequest.Builder request(Route route, String body, String type) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + route.concrete()));
    if (route.changesState()) {
      return b.header("Content-Type", type)
          .method(route.method(), HttpRequest.BodyPublishers.ofString(body));
    }
    return b.GET();
  }

  private static HttpRequest.Builder bearer(String path, String token) {
    return HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  static void assertRefused(
      HttpResponse<String> r, int status, String code, String messagePart, String what) {
    assertThat(r.statusCode()).as("%s: %s", what, r.body()).isEqualTo(status);
    JsonNode error;
    try {
      error = JsonViews.mapper().readTree(r.body()).path("error");
    } catch (Exception e) {
      throw new AssertionError(what + ": not JSON: " + r.body(), e);
    }
    assertThat(error.path("code").asText()).as("%s code", what).isEqualTo(code);
    assertThat(error.path("message").asText().toLowerCase(Locale.ROOT))
        .as("%s message", what)
        .contains(messagePart.toLowerCase(Locale.ROOT));
  }

  private static String sessionValue(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("vigil_session=") && !c.startsWith("vigil_session=;"))
        .map(c -> c.substring("vigil_session=".length(), c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers().map()));
  }

  /** The CSRF token a page shows to the holder of this session cookie. */
  private static String csrfFor(String session) {
    TestBrowser b = server.browser();
    b.get("/", Map.of("Cookie", "vigil_session=" + session));
    return b.csrf();
  }
}
