package org.vigil.extract;

import com.ibm.icu.text.Transliterator;

/** Traditional ↔ simplified Chinese conversion (ICU transliterators). */
public final class ChineseScript {
  // Transliterator instances are not thread-safe; building one costs milliseconds, so keep one
  // per thread.
  private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
  private static final ThreadLocal<Transliterator> TO_TRADITIONAL =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

  private ChineseScript() {}

  /** Converts traditional characters to simplified; other text passes through unchanged. */
  public static String toSimplified(String text) {
    return text.isEmpty() ? text : TO_SIMPLIFIED.get().transliterate(text);
  }

  /** Converts simplified characters to traditional; used to tell the two scripts apart. */
  static String toTraditional(String text) {
    return text.isEmpty() ? text : TO_TRADITIONAL.get().transliterate(text);
  }
}
