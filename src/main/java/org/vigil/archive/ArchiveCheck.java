package org.vigil.archive;

/** The result of re-hashing one original. */
public enum ArchiveCheck {
  OK,
  MISSING,
  ALTERED
}
