package org.vigil.accounts;

/** What a signed-in user may do; each {@link Role} grants a fixed set. */
public enum Permission {
  /** See sources, records, claims, exports, the audit log. */
  READ,
  /** Ingest and upload sources. */
  CAPTURE,
  /** Accept, edit and reject proposals; create claims; edit records. */
  EDIT,
  /** Change claim statuses; merge records. */
  REVIEW,
  /** Manage users, other people's API tokens and keys. */
  ADMIN
}
