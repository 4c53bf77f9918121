package org.vigil.search;

import org.vigil.core.HanScript;

/** Han detection and Traditional→Simplified conversion for the Chinese field. */
final class ChineseText {
  private ChineseText() {}

  /** True when {@code s} holds at least one Han character. */
  static boolean hasHan(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // fast path: everything below the CJK radicals block is not Han
      if (c >= '\u2E80') {
        int cp = Character.codePointAt(s, i);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
          return true;
        }
      }
    }
    return false;
  }

  /** Traditional characters converted to simplified; text without Han is returned as is. */
  static String toSimplified(String s) {
    return HanScript.toSimplified(s);
  }
}
