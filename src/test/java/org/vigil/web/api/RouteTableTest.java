package org.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.web.Access;
import org.vigil.web.JsonViews;
import org.vigil.web.TestServer;

/** The route table as a whole: every route declares its access; the API document matches it. */
class RouteTableTest {
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

  private static List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (ParsedEndpoint p : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
      // before/after filters are listed too; only real routes declare access
      if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")
          .contains(p.endpoint.method.name())) {
        out.add(p.endpoint);
      }
    }
    return out;
  }

  private static Set<io.javalin.security.RouteRole> roles(Endpoint e) {
    Roles r = e.metadata(Roles.class);
    return r == null ? Set.of() : r.getRoles();
  }

  @Test
  void everyRouteDeclaresExactlyOneAccess() {
    for (Endpoint e : endpoints()) {
      assertThat(roles(e)).as("%s %s", e.method, e.path).hasSize(1);
    }
  }

  @Test
  void onlySignInLanguageAndTheApiDescriptionArePublic() {
    Set<String> open = new TreeSet<>();
    for (Endpoint e : endpoints()) {
      if (roles(e).contains(Access.PUBLIC)) {
        open.add(e.method + " " + e.path);
      }
    }
    assertThat(open)
        .containsExactlyInAnyOrder(
            "GET /login", "POST /login", "GET /lang/{lang}", "GET /api/openapi.json");
  }

  @Test
  void everyApiRouteIsDocumentedWithItsAccessAndNothingElseIs() throws Exception {
    JsonNode doc;
    try (InputStream in = ApiController.class.getResourceAsStream(ApiController.OPENAPI)) {
      doc = JsonViews.mapper().readTree(in);
    }
    Set<String> routed = new TreeSet<>();
    for (Endpoint e : endpoints()) {
      if (e.path.startsWith("/api/v1")) {
        String method = e.method.name().toLowerCase(Locale.ROOT);
        routed.add(method + " " + e.path);
        JsonNode op = doc.path("paths").path(e.path).path(method);
        assertThat(op.isMissingNode())
            .as("%s %s missing from openapi.json", method, e.path)
            .isFalse();
        Access access = (Access) roles(e).iterator().next();
        assertThat(op.path("x-vigil-access").asText())
            .as("access of %s %s", method, e.path)
            .isEqualTo(access.name().toLowerCase(Locale.ROOT));
      }
    }
    Set<String> documented = new TreeSet<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m + " " + p.getKey())));
    assertThat(documented).isEqualTo(routed);
  }

  @Test
  void openApiDocumentIsServedAndMeAnswersWithTheRole() throws Exception {
    assertThat(server.browser().get("/api/openapi.json").body()).contains("\"openapi\"");
    JsonNode me =
        JsonViews.mapper().readTree(server.signedIn(Role.REVIEWER).get("/api/v1/me").body());
    assertThat(me.get("role").asText()).isEqualTo("reviewer");
    assertThat(me.get("permissions").get("review").asBoolean()).isTrue();
    assertThat(me.get("permissions").get("edit").asBoolean()).isFalse();
  }
}
