package org.vigil.web.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.accounts.ApiTokenInfo;
import org.vigil.accounts.User;

/**
 * The users page (admins) or the account page (one user's own tokens).
 *
 * @param secret a password or token just made, shown this once, with what it is for
 */
public record UsersView(
    List<User> users, List<ApiTokenInfo> tokens, List<String> roles, @Nullable Secret secret) {
  public UsersView {
    users = List.copyOf(users);
    tokens = List.copyOf(tokens);
    roles = List.copyOf(roles);
  }

  /** A secret shown once: {@code kind} is "password" or "token", {@code owner} the user. */
  public record Secret(String kind, String owner, String value) {}
}
