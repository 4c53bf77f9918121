package org.vigil.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.accounts.Session;
import org.vigil.accounts.User;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/** Request state the sign-in filter sets, read by controllers and templates. */
public final class Web {
  static final String USER = "vigil.user";
  static final String SESSION = "vigil.session";
  static final String PRE_CSRF = "vigil.preCsrf";
  static final String SESSION_COOKIE = "vigil_session";
  static final String PRE_CSRF_COOKIE = "vigil_csrf";
  static final String LANG_COOKIE = "vigil_lang";
  static final String FLASH_COOKIE = "vigil_flash";

  private Web() {}

  /** The signed-in user (by session cookie or API token), if any. */
  public static Optional<User> user(Context ctx) {
    return Optional.ofNullable(ctx.attribute(USER));
  }

  /** The signed-in user; routes other than public ones always have one. */
  public static User requireUser(Context ctx) {
    return user(ctx)
        .orElseThrow(() -> new VigilException(ErrorCode.UNAUTHENTICATED, "please sign in"));
  }

  /** The name that goes into the audit log for this request. */
  public static String actor(Context ctx) {
    return requireUser(ctx).name();
  }

  static @Nullable Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** The token forms must echo back: the session's, or before sign-in the pre-session cookie's. */
  public static String csrfToken(Context ctx) {
    Session s = session(ctx);
    if (s != null) {
      return s.csrfToken();
    }
    String pre = ctx.attribute(PRE_CSRF);
    return pre == null ? "" : pre;
  }

  public static Messages messages(Context ctx) {
    String chosen = ctx.cookie(LANG_COOKIE);
    if (chosen != null && Messages.LANGUAGES.contains(chosen)) {
      return Messages.of(chosen);
    }
    String accept = ctx.header("Accept-Language");
    if (accept != null && accept.trim().toLowerCase(java.util.Locale.ROOT).startsWith("zh")) {
      return Messages.of("zh");
    }
    return Messages.of("en");
  }

  public static PageContext page(Context ctx) {
    String path = ctx.path();
    String query = ctx.queryString();
    String full = query == null ? path : path + "?" + query;
    return new PageContext(
        user(ctx).orElse(null), csrfToken(ctx), messages(ctx), full, takeFlash(ctx));
  }

  /** API paths, and callers that ask for JSON rather than HTML, get JSON errors. */
  public static boolean wantsJson(Context ctx) {
    if (ctx.path().startsWith("/api/")) {
      return true;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  /** A one-shot message key shown on the next page (e.g. after a redirect). */
  public static void flash(Context ctx, String messageKey) {
    ctx.res()
        .addHeader(
            "Set-Cookie", Cookies.build(FLASH_COOKIE, messageKey, 60, WebApp.secure(ctx), true));
  }

  private static @Nullable String takeFlash(Context ctx) {
    String key = ctx.cookie(FLASH_COOKIE);
    if (key == null || !key.matches("[a-z0-9._-]{1,80}")) {
      return null;
    }
    ctx.res().addHeader("Set-Cookie", Cookies.build(FLASH_COOKIE, "", 0, WebApp.secure(ctx), true));
    return messages(ctx).t(key);
  }

  /** Starts the browser session: a fresh token every sign-in, so a planted cookie is useless. */
  public static void startSession(Context ctx, Session session) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            Cookies.build(SESSION_COOKIE, session.token(), -1, WebApp.secure(ctx), true));
    ctx.attribute(SESSION, session);
    ctx.attribute(USER, session.user());
  }

  /** The session token of this request's cookie, if any. */
  public static @Nullable String sessionToken(Context ctx) {
    Session s = session(ctx);
    return s == null ? null : s.token();
  }

  public static void clearSession(Context ctx) {
    ctx.res()
        .addHeader("Set-Cookie", Cookies.build(SESSION_COOKIE, "", 0, WebApp.secure(ctx), true));
  }

  public static void setLanguage(Context ctx, String language) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            Cookies.build(LANG_COOKIE, language, 365 * 24 * 3600, WebApp.secure(ctx), true));
  }

  /** Percent-encodes a path or query component. */
  public static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A local redirect target, or "/" when {@code next} would leave the site. */
  public static String safeNext(@Nullable String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    return next;
  }
}
