package org.vigil.web.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.accounts.AccountService;
import org.vigil.accounts.ApiTokenInfo;
import org.vigil.accounts.IssuedToken;
import org.vigil.accounts.Role;
import org.vigil.accounts.User;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.SecretTokens;
import org.vigil.web.Access;
import org.vigil.web.Views;
import org.vigil.web.Web;
import org.vigil.web.Workspace;

/**
 * Users and tokens. Admins manage everyone on {@code /admin/users}; every user issues and revokes
 * their own API tokens on {@code /account}. A generated password or a new token is shown once, on
 * the page that answers the form, and never stored in plain text.
 */
public final class AdminController {
  private final Workspace workspace;
  private final Views views;

  public AdminController(Workspace workspace, Views views) {
    this.workspace = workspace;
    this.views = views;
  }

  public void register(JavalinDefaultRoutingApi r) {
    r.get("/admin/users", ctx -> users(ctx, null), Access.ADMIN);
    r.post("/admin/users", this::add, Access.ADMIN);
    r.post("/admin/users/{name}/disable", this::disable, Access.ADMIN);
    r.post("/admin/users/{name}/enable", this::enable, Access.ADMIN);
    r.post("/admin/users/{name}/role", this::role, Access.ADMIN);
    r.post("/admin/users/{name}/password", this::resetPassword, Access.ADMIN);
    r.post("/admin/tokens/{id}/revoke", this::revokeAny, Access.ADMIN);
    r.get("/account", ctx -> account(ctx, null), Access.READ);
    r.post("/account/tokens", this::issueOwn, Access.READ);
    r.post("/account/tokens/{id}/revoke", this::revokeOwn, Access.READ);
  }

  private AccountService accounts() {
    return workspace.accounts();
  }

  private void users(Context ctx, UsersView.@Nullable Secret secret) {
    views.render(
        ctx,
        "admin/users.jte",
        new UsersView(accounts().list(), accounts().apiTokens(null), roleCodes(), secret));
  }

  private void account(Context ctx, UsersView.@Nullable Secret secret) {
    User me = Web.requireUser(ctx);
    views.render(
        ctx,
        "admin/account.jte",
        new UsersView(List.of(me), accounts().apiTokens(me.name()), List.of(), secret));
  }

  private void add(Context ctx) {
    String name = field(ctx, "name");
    Role role = Role.parse(field(ctx, "role"));
    String password = value(ctx.formParam("password"));
    boolean generated = password.isEmpty();
    if (generated) {
      password = SecretTokens.passwordWithout(name);
    }
    accounts().addUser(name, role, password, Web.actor(ctx));
    users(ctx, generated ? new UsersView.Secret("password", name, password) : null);
  }

  private void disable(Context ctx) {
    accounts().disable(ctx.pathParam("name"), Web.actor(ctx));
    ctx.redirect("/admin/users");
  }

  private void enable(Context ctx) {
    accounts().enable(ctx.pathParam("name"), Web.actor(ctx));
    ctx.redirect("/admin/users");
  }

  private void role(Context ctx) {
    accounts().setRole(ctx.pathParam("name"), Role.parse(field(ctx, "role")), Web.actor(ctx));
    ctx.redirect("/admin/users");
  }

  private void resetPassword(Context ctx) {
    String name = ctx.pathParam("name");
    String password = SecretTokens.passwordWithout(name);
    accounts().resetPassword(name, password, Web.actor(ctx));
    users(ctx, new UsersView.Secret("password", name, password));
  }

  private void revokeAny(Context ctx) {
    accounts().revokeApiToken(ctx.pathParam("id"), Web.actor(ctx));
    ctx.redirect("/admin/users");
  }

  private void issueOwn(Context ctx) {
    User me = Web.requireUser(ctx);
    IssuedToken t = accounts().issueApiToken(me.name(), field(ctx, "label"), me.name());
    account(ctx, new UsersView.Secret("token", me.name(), t.token()));
  }

  private void revokeOwn(Context ctx) {
    User me = Web.requireUser(ctx);
    String id = ctx.pathParam("id");
    boolean mine =
        accounts().apiTokens(me.name()).stream().map(ApiTokenInfo::id).anyMatch(id::equals);
    if (!mine) {
      // someone else's token, or none: the same answer, so ids of others' tokens are not probed
      throw new VigilException(ErrorCode.NOT_FOUND, "you have no token " + id);
    }
    accounts().revokeApiToken(id, me.name());
    ctx.redirect("/account");
  }

  private static List<String> roleCodes() {
    return Arrays.stream(Role.values()).map(Role::code).toList();
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank()) {
      throw VigilException.invalid(name, "is required");
    }
    return v.trim();
  }

  private static String value(@Nullable String s) {
    return s == null ? "" : s;
  }
}
