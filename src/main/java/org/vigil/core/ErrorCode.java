package org.vigil.core;

import java.util.Locale;

/**
 * Stable error codes. Scripts read {@link #code()} from {@code --json} output, so a code once
 * published is never renamed.
 */
public enum ErrorCode {
  // invalid input: the caller can fix it
  INVALID_INPUT(Kind.INVALID_INPUT),
  NOT_FOUND(Kind.INVALID_INPUT),
  AMBIGUOUS_ID(Kind.INVALID_INPUT),
  // someone else changed the thing since the caller read it: re-read and decide again
  CONFLICT(Kind.INVALID_INPUT),
  // who may do what: the caller must log in, lacks the role, is locked out, or testimony keys are
  // locked
  UNAUTHENTICATED(Kind.ACCESS),
  FORBIDDEN(Kind.ACCESS),
  LOCKED_OUT(Kind.ACCESS),
  KEYS_LOCKED(Kind.ACCESS),
  WRONG_PASSPHRASE(Kind.ACCESS),
  // one item failed; the batch goes on
  UNSUPPORTED_FORMAT(Kind.ITEM),
  EMPTY_DOCUMENT(Kind.ITEM),
  CORRUPT_DOCUMENT(Kind.ITEM),
  TRUNCATED_DOCUMENT(Kind.ITEM),
  ENCRYPTED_DOCUMENT(Kind.ITEM),
  TOO_LARGE(Kind.ITEM),
  DECOMPRESSION_BOMB(Kind.ITEM),
  INVALID_ENCODING(Kind.ITEM),
  NO_TEXT(Kind.ITEM),
  EXTRACTION_TIMEOUT(Kind.ITEM),
  BLOCKED_ADDRESS(Kind.ITEM),
  BLOCKED_SCHEME(Kind.ITEM),
  UNRESOLVABLE_HOST(Kind.ITEM),
  FETCH_TIMEOUT(Kind.ITEM),
  FETCH_FAILED(Kind.ITEM),
  HTTP_ERROR(Kind.ITEM),
  TOO_MANY_REDIRECTS(Kind.ITEM),
  UNREADABLE_FILE(Kind.ITEM),
  // the system failed: disk, database, index
  STORE_FAILURE(Kind.SYSTEM),
  // sealed data failed its authentication check: altered or corrupt, never silently read
  TAMPERED(Kind.SYSTEM),
  ARCHIVE_FAILURE(Kind.SYSTEM),
  INDEX_FAILURE(Kind.SYSTEM),
  // configuration is wrong
  CONFIGURATION(Kind.CONFIGURATION);

  /** What caused the error, which decides how callers react (and, later, the HTTP status). */
  public enum Kind {
    INVALID_INPUT,
    ACCESS,
    ITEM,
    SYSTEM,
    CONFIGURATION
  }

  private final Kind kind;

  ErrorCode(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The stable, lower-case code, e.g. {@code encrypted_document}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
