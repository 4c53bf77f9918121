package org.vigil.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vigil.core.VigilException;

/** A user's role; decides the user's {@link Permission}s. */
public enum Role {
  /** Everything. */
  ADMIN,
  /** Read, capture and edit. */
  ANALYST,
  /** Read and review. */
  REVIEWER,
  /** Read only. */
  VIEWER;

  public boolean can(Permission p) {
    return switch (this) {
      case ADMIN -> true;
      case ANALYST -> p == Permission.READ || p == Permission.CAPTURE || p == Permission.EDIT;
      case REVIEWER -> p == Permission.READ || p == Permission.REVIEW;
      case VIEWER -> p == Permission.READ;
    };
  }

  /** The lower-case name used in storage, the CLI and JSON, e.g. {@code analyst}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named {@code text}, ignoring case and surrounding spaces.
   *
   * @throws VigilException INVALID_INPUT (field {@code role}) listing the valid roles
   */
  public static Role parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.name().equals(t)) {
        return r;
      }
    }
    throw VigilException.invalid(
        "role", "unknown role '" + text + "'; valid roles: " + validRoles());
  }

  static String validRoles() {
    return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
  }
}
