package org.vigil.accounts;

public enum Permission {
  READ,
  CAPTURE,
  EDIT,
  REVIEW,
  ADMIN
}
