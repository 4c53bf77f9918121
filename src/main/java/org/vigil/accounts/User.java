package org.vigil.accounts;

import java.time.Instant;
import org.vigil.core.Checks;

/**
 * One account, without its password hash.
 *
 * @param id stable id ({@code user:} and ten characters)
 * @param name sign-in name, {@code [a-z0-9._-]{2,40}}, unique, never changed
 * @param role what the user may do
 * @param disabled a disabled user cannot sign in, and their sessions and tokens stop working
 * @param created when the account was made
 */
public record User(String id, String name, Role role, boolean disabled, Instant created) {
  public User {
    Checks.notBlank(id, "id");
    Checks.notBlank(name, "name");
    Checks.notNull(role, "role");
    Checks.notNull(created, "created");
  }

  public boolean can(Permission p) {
    return !disabled && role.can(p);
  }
}
