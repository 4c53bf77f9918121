package org.vigil.accounts;

public enum Role {
  ADMIN,
  ANALYST,
  REVIEWER,
  VIEWER;

  public boolean can(Permission p) {
    return switch (this) {
      case ADMIN -> true;
      case ANALYST -> p == Permission.READ || p == Permission.CAPTURE || p == Permission.EDIT;
      case REVIEWER -> p == Permission.READ || p == Permission.REVIEW;
      case VIEWER -> p == Permission.READ;
    };
  }
}
