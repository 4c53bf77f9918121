package org.vigil.accounts;

import org.vigil.core.Checks;

/**
 * A newly issued API token. {@code token} is shown once: only its SHA-256 is stored.
 *
 * @param id the token's id, to list and revoke it ({@code token:} and ten characters)
 * @param token the secret to send as {@code Authorization: Bearer TOKEN}
 * @param label what the token is for, as its owner described it
 */
public record IssuedToken(String id, String token, String label) {
  public IssuedToken {
    Checks.notBlank(id, "id");
    Checks.notBlank(token, "token");
    Checks.notNull(label, "label");
  }

  /** Leaves the secret out. */
  @Override
  public String toString() {
    return "IssuedToken[id=" + id + ", label=" + label + "]";
  }
}
