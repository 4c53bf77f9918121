package org.vigil.web;

import org.jspecify.annotations.Nullable;
import org.vigil.accounts.Permission;
import org.vigil.accounts.User;

/**
 * What every page template needs besides its own view: who is signed in, the CSRF token for its
 * forms, the interface language, and the current path (for the language switch and the nav).
 */
public record PageContext(
    @Nullable User user, String csrfToken, Messages messages, String path, @Nullable String flash) {

  /** The main navigation: path and message key, in order. */
  public static final java.util.List<String[]> NAV =
      java.util.List.of(
          new String[] {"/", "nav.dashboard"},
          new String[] {"/sources", "nav.sources"},
          new String[] {"/review", "nav.review"},
          new String[] {"/records", "nav.records"},
          new String[] {"/map", "nav.map"},
          new String[] {"/network", "nav.network"},
          new String[] {"/timeline", "nav.timeline"},
          new String[] {"/exports", "nav.exports"},
          new String[] {"/testimony", "nav.testimony"});

  /** Whether the page is under {@code prefix} ("/" only matches the dashboard itself). */
  public boolean current(String prefix) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return prefix.equals("/") ? p.equals("/") : p.equals(prefix) || p.startsWith(prefix + "/");
  }

  public String t(String key, Object... args) {
    return messages.t(key, args);
  }

  public boolean can(Permission p) {
    return user != null && user.role().can(p);
  }

  public boolean canCapture() {
    return can(Permission.CAPTURE);
  }

  public boolean canEdit() {
    return can(Permission.EDIT);
  }

  public boolean canReview() {
    return can(Permission.REVIEW);
  }

  public boolean isAdmin() {
    return can(Permission.ADMIN);
  }

  public String lang() {
    return messages.language();
  }

  /** The same page in the other language. */
  public String switchLanguageUrl() {
    String other = "zh".equals(messages.language()) ? "en" : "zh";
    return "/lang/"
        + other
        + "?next="
        + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
  }
}
