package org.vigil.extract;

import org.vigil.core.HanScript;

/** Traditional ↔ simplified Chinese conversion (character tables derived from ICU). */
public final class ChineseScript {
  private ChineseScript() {}

  /** Converts traditional characters to simplified; other text passes through unchanged. */
  public static String toSimplified(String text) {
    return HanScript.toSimplified(text);
  }

  /** Converts simplified characters to traditional; used to tell the two scripts apart. */
  static String toTraditional(String text) {
    return HanScript.toTraditional(text);
  }
}
