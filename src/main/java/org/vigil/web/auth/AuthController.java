package org.vigil.web.auth;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.vigil.accounts.Session;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.web.Access;
import org.vigil.web.Messages;
import org.vigil.web.Views;
import org.vigil.web.Web;
import org.vigil.web.Workspace;

/** Sign-in and sign-out pages, and the language switch. */
public final class AuthController {
  private final Workspace workspace;
  private final Views views;

  public AuthController(Workspace workspace, Views views) {
    this.workspace = workspace;
    this.views = views;
  }

  public void register(JavalinDefaultRoutingApi r) {
    r.get("/login", this::form, Access.PUBLIC);
    r.post("/login", this::login, Access.PUBLIC);
    r.post("/logout", this::logout, Access.READ);
    r.get("/lang/{lang}", this::language, Access.PUBLIC);
  }

  private void form(Context ctx) {
    if (Web.user(ctx).isPresent()) {
      ctx.redirect(Web.safeNext(ctx.queryParam("next")));
      return;
    }
    views.render(
        ctx, "auth/login.jte", new LoginView(Web.safeNext(ctx.queryParam("next")), "", null));
  }

  private void login(Context ctx) {
    String name = value(ctx.formParam("name"));
    String password = value(ctx.formParam("password"));
    String next = Web.safeNext(ctx.formParam("next"));
    try {
      // a stale session of another user on this browser ends before the new one starts
      String old = Web.sessionToken(ctx);
      if (old != null) {
        workspace.accounts().logout(old);
      }
      Session session = workspace.accounts().login(name, password, ctx.ip());
      Web.startSession(ctx, session);
      ctx.redirect(next);
    } catch (VigilException e) {
      if (e.code() != ErrorCode.UNAUTHENTICATED && e.code() != ErrorCode.LOCKED_OUT) {
        throw e;
      }
      ctx.status(e.code() == ErrorCode.LOCKED_OUT ? 429 : 401);
      views.render(ctx, "auth/login.jte", new LoginView(next, name, e.getMessage()));
    }
  }

  private void logout(Context ctx) {
    String token = Web.sessionToken(ctx);
    if (token != null) {
      workspace.accounts().logout(token);
    }
    Web.clearSession(ctx);
    Web.flash(ctx, "login.signedOut");
    ctx.redirect("/login");
  }

  private void language(Context ctx) {
    String lang = ctx.pathParam("lang");
    if (!Messages.LANGUAGES.contains(lang)) {
      throw VigilException.invalid("lang", "must be one of " + Messages.LANGUAGES);
    }
    Web.setLanguage(ctx, lang);
    ctx.redirect(Web.safeNext(ctx.queryParam("next")));
  }

  private static String value(String s) {
    return s == null ? "" : s;
  }
}
