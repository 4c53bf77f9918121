package org.vigil.web;

/**
 * Set-Cookie values written out in full, so the flags that protect a session (HttpOnly, SameSite,
 * Secure) are visible in one place rather than defaulted somewhere in the framework.
 */
final class Cookies {
  private Cookies() {}

  /**
   * @param maxAgeSeconds -1 for a browser-session cookie, 0 to delete
   * @param httpOnly false only for cookies scripts must read (none hold secrets)
   */
  static String build(
      String name, String value, int maxAgeSeconds, boolean secure, boolean httpOnly) {
    StringBuilder b = new StringBuilder();
    b.append(name).append('=').append(value).append("; Path=/; SameSite=Lax");
    if (maxAgeSeconds >= 0) {
      b.append("; Max-Age=").append(maxAgeSeconds);
    }
    if (httpOnly) {
      b.append("; HttpOnly");
    }
    if (secure) {
      b.append("; Secure");
    }
    return b.toString();
  }
}
