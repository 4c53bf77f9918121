package org.vigil.extract;

/** Traditional ↔ simplified Chinese conversion (ICU transliterators). */
public final class ChineseScript {
  /** Converts traditional characters to simplified; other text passes through unchanged. */
  public static String toSimplified(String text) {
    throw new UnsupportedOperationException("chinese: being implemented");
  }
}
