package org.vigil.web;

import io.javalin.security.RouteRole;
import org.jspecify.annotations.Nullable;
import org.vigil.accounts.Permission;

/**
 * What a route needs: every route declares exactly one. {@link #PUBLIC} routes (sign-in, static
 * assets) need no login; the others need a signed-in user whose role grants the permission.
 */
public enum Access implements RouteRole {
  PUBLIC(null),
  READ(Permission.READ),
  CAPTURE(Permission.CAPTURE),
  EDIT(Permission.EDIT),
  REVIEW(Permission.REVIEW),
  ADMIN(Permission.ADMIN);

  private final @Nullable Permission permission;

  Access(@Nullable Permission permission) {
    this.permission = permission;
  }

  /** The permission a user must hold; empty for public routes. */
  public @Nullable Permission permission() {
    return permission;
  }
}
