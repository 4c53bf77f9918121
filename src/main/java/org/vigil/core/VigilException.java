package org.vigil.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error Vigil raises on purpose. The message is for people and names the item and
 * the problem; {@link #code()} is for scripts.
 */
public class VigilException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Map<String, String> fieldProblems;

  public VigilException(ErrorCode code, String message) {
    this(code, message, null, Map.of());
  }

  public VigilException(ErrorCode code, String message, @Nullable Throwable cause) {
    this(code, message, cause, Map.of());
  }

  protected VigilException(
      ErrorCode code, String message, @Nullable Throwable cause, Map<String, String> fields) {
    super(message, cause);
    this.code = Checks.notNull(code, "code");
    this.fieldProblems = Map.copyOf(new LinkedHashMap<>(fields));
  }

  public ErrorCode code() {
    return code;
  }

  /** For invalid input: which field has which problem; empty otherwise. */
  public Map<String, String> fieldProblems() {
    return fieldProblems;
  }

  /** Invalid input, with a field → problem map. */
  public static VigilException invalid(String message, Map<String, String> fields) {
    return new VigilException(ErrorCode.INVALID_INPUT, message, null, fields);
  }

  /** Invalid input in one field. */
  public static VigilException invalid(String field, String problem) {
    return new VigilException(
        ErrorCode.INVALID_INPUT, field + ": " + problem, null, Map.of(field, problem));
  }

  public static VigilException notFound(String what) {
    return new VigilException(ErrorCode.NOT_FOUND, what + " not found");
  }

  /** One item (a file, a URL, a record) failed; the batch it belongs to goes on. */
  public static VigilException item(ErrorCode code, String message) {
    return new VigilException(code, message);
  }

  public static VigilException item(ErrorCode code, String message, Throwable cause) {
    return new VigilException(code, message, cause);
  }
}
