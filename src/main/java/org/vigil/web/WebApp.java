package org.vigil.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.vigil.accounts.Permission;
import org.vigil.accounts.Session;
import org.vigil.accounts.User;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.SecretTokens;

/**
 * Builds the workspace server from its dependencies without starting it (tests start it on port 0).
 * Every request passes the same gate: security headers, who is signed in (session cookie or API
 * token), what the route needs ({@link Access}), and for state-changing requests from a browser a
 * CSRF token.
 */
public final class WebApp {
  /** Scripts and styles only from our own origin; nothing from the network; no framing. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'self'; "
          + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private static final String TLS = "vigil.tls";
  private static final String VIA_TOKEN = "vigil.viaToken";

  private WebApp() {}

  /** A configured, unstarted server over {@code workspace}. */
  public static Javalin create(Workspace workspace, WebSettings settings) {
    Views views = new Views();
    ErrorMapper errors = new ErrorMapper(views);
    Routes routes = new Routes(workspace, views, settings);
    return Javalin.create(
        cfg -> {
          configure(cfg, settings);
          // uploads spill to the data folder's disk, never to a shared /tmp
          cfg.jetty.multipartConfig.cacheDirectory(
              org.vigil.web.sources.SourcesController.spillFolder(workspace).toString());
          cfg.routes.before(ctx -> securityHeaders(ctx, settings));
          cfg.routes.before(ctx -> identify(ctx, workspace));
          cfg.routes.beforeMatched(ctx -> guard(ctx));
          cfg.routes.exception(VigilException.class, errors::handle);
          cfg.routes.exception(HttpResponseException.class, errors::handleHttp);
          cfg.routes.exception(Exception.class, errors::handleUnexpected);
          cfg.routes.error(
              404,
              ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                  errors.respond(
                      ctx,
                      new ErrorView(
                          404, "not_found", "No such page: " + ctx.path(), java.util.Map.of()));
                }
              });
          routes.register(cfg.routes);
          // unlocked custodian keys are zeroed when the server stops
          cfg.events.serverStopping(routes::close);
        });
  }

  private static void configure(JavalinConfig cfg, WebSettings settings) {
    cfg.jetty.host = settings.host();
    cfg.jetty.port = settings.port();
    cfg.http.maxRequestSize = settings.maxUploadBytes();
    cfg.jetty.multipartConfig.maxTotalRequestSize(
        settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
    cfg.jsonMapper(new JavalinJackson(JsonViews.mapper(), false));
    cfg.startup.showJavalinBanner = false;
    cfg.staticFiles.add(
        sf -> {
          sf.hostedPath = "/static";
          sf.directory = "/org/vigil/web/static";
          sf.location = Location.CLASSPATH;
          sf.roles = Set.of(Access.PUBLIC);
          sf.headers = java.util.Map.of("Cache-Control", "max-age=3600");
        });
  }

  private static void securityHeaders(Context ctx, WebSettings settings) {
    ctx.attribute(TLS, settings.behindTls() || "https".equals(ctx.scheme()));
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!ctx.path().startsWith("/static/")) {
      // pages show sources and testimony metadata: keep them out of shared caches and history
      ctx.header("Cache-Control", "no-store");
    }
  }

  /** Sets the user from an API token (scripts) or a session cookie (browsers). */
  private static void identify(Context ctx, Workspace workspace) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<User> user = workspace.accounts().userForApiToken(auth.substring(7).trim());
      if (user.isEmpty()) {
        throw new VigilException(
            ErrorCode.UNAUTHENTICATED, "the API token is unknown, revoked or its user disabled");
      }
      ctx.attribute(Web.USER, user.get());
      ctx.attribute(VIA_TOKEN, Boolean.TRUE);
      return;
    }
    String token = ctx.cookie(Web.SESSION_COOKIE);
    if (token != null && !token.isBlank()) {
      Optional<Session> session = workspace.accounts().session(token);
      if (session.isPresent()) {
        ctx.attribute(Web.SESSION, session.get());
        ctx.attribute(Web.USER, session.get().user());
        return;
      }
    }
    // not signed in: a per-browser token so the sign-in form itself is protected from CSRF
    String pre = ctx.cookie(Web.PRE_CSRF_COOKIE);
    if (pre == null || !pre.matches("[A-Za-z0-9_-]{43}")) {
      pre = SecretTokens.random256();
      ctx.res()
          .addHeader("Set-Cookie", Cookies.build(Web.PRE_CSRF_COOKIE, pre, -1, secure(ctx), true));
    }
    ctx.attribute(Web.PRE_CSRF, pre);
  }

  /** Refuses a request its route does not allow, and a browser write without the CSRF token. */
  private static void guard(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) {
      // a route registered without an Access is a programming error: fail closed
      throw new VigilException(ErrorCode.FORBIDDEN, "this route declares no access rule");
    }
    Access access = (Access) roles.iterator().next();
    Permission needed = access.permission();
    if (needed != null) {
      User user = Web.requireUser(ctx);
      if (!user.role().can(needed)) {
        throw new VigilException(
            ErrorCode.FORBIDDEN,
            "your role ("
                + user.role().name().toLowerCase(java.util.Locale.ROOT)
                + ") may not "
                + describe(needed));
      }
    }
    // only a request that authenticated with an API token is exempt: browsers attach other
    // Authorization headers (cached Basic credentials) to cross-site requests on their own
    if (changesState(ctx) && !Boolean.TRUE.equals(ctx.attribute(VIA_TOKEN))) {
      checkCsrf(ctx);
    }
  }

  private static String describe(Permission p) {
    return switch (p) {
      case READ -> "read the workspace";
      case CAPTURE -> "capture sources";
      case EDIT -> "edit proposals, claims or records";
      case REVIEW -> "change statuses or merge records";
      case ADMIN -> "administer users, tokens or keys";
    };
  }

  private static boolean changesState(Context ctx) {
    HandlerType m = ctx.method();
    return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
  }

  private static void checkCsrf(Context ctx) {
    String expected = Web.csrfToken(ctx);
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null) {
      sent = ctx.formParam("_csrf");
    }
    if (expected.isEmpty()
        || sent == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            sent.getBytes(StandardCharsets.US_ASCII))) {
      throw new VigilException(
          ErrorCode.FORBIDDEN,
          "the form's security token is missing or stale: reload the page and try again");
    }
  }

  /** Whether cookies must be {@code Secure}: behind a TLS proxy, or served over https. */
  static boolean secure(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(TLS));
  }
}
