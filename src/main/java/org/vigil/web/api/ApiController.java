package org.vigil.web.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.vigil.accounts.Permission;
import org.vigil.accounts.User;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.web.Access;
import org.vigil.web.Web;

/**
 * {@code /api/openapi.json}, written by hand next to the routes it describes (a test checks that
 * every {@code /api/v1} route is in it), and {@code /api/v1/me}.
 */
public final class ApiController {
  static final String OPENAPI = "/org/vigil/web/api/openapi.json";
  private final byte[] openApi;

  public ApiController() {
    try (InputStream in = ApiController.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new VigilException(ErrorCode.CONFIGURATION, "missing resource " + OPENAPI);
      }
      openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new VigilException(ErrorCode.CONFIGURATION, "cannot read " + OPENAPI, e);
    }
  }

  public void register(JavalinDefaultRoutingApi r) {
    // the description of the API is public; every call it describes needs a token
    r.get(
        "/api/openapi.json",
        ctx -> ctx.contentType("application/json").result(openApi),
        Access.PUBLIC);
    r.get("/api/v1/me", this::me, Access.READ);
  }

  private void me(Context ctx) {
    User u = Web.requireUser(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", u.name());
    out.put("role", u.role().name().toLowerCase(Locale.ROOT));
    Map<String, Boolean> may = new LinkedHashMap<>();
    for (Permission p : Permission.values()) {
      may.put(p.name().toLowerCase(Locale.ROOT), u.role().can(p));
    }
    out.put("permissions", may);
    ctx.json(out);
  }
}
