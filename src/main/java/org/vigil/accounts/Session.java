package org.vigil.accounts;

import java.time.Instant;
import org.vigil.core.Checks;

/**
 * A signed-in browser. Only the SHA-256 of {@code token} is stored.
 *
 * @param token the session cookie's value: 256 random bits, URL-safe base64
 * @param csrfToken to echo in every write form: 256 random bits, URL-safe base64
 * @param user who is signed in, as the account stands now
 * @param expires when the session ends unless used again (the earlier of idle and absolute expiry)
 */
public record Session(String token, String csrfToken, User user, Instant expires) {
  public Session {
    Checks.notBlank(token, "token");
    Checks.notBlank(csrfToken, "csrfToken");
    Checks.notNull(user, "user");
    Checks.notNull(expires, "expires");
  }

  /** Leaves the secrets out, so a session logged by mistake leaks nothing. */
  @Override
  public String toString() {
    return "Session[user=" + user.name() + ", expires=" + expires + "]";
  }
}
