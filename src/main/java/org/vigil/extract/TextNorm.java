package org.vigil.extract;

import org.vigil.core.HanScript;

/**
 * An offset-preserving normal form for rule matching: full-width ASCII becomes ASCII, odd spaces
 * become plain spaces, traditional Chinese becomes simplified. Every output char sits at the same
 * index as its input char, so a match in the normal form is a span of the original text.
 */
final class TextNorm {
  private TextNorm() {}

  static String of(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch >= '\uFF01' && ch <= '\uFF5E' && ch != '\uFF0C') {
        // Full-width forms; the Chinese comma stays, so "53，102" is never read as 53102.
        c[i] = (char) (ch - 0xFEE0);
      } else if (ch == '\u3000'
          || ch == '\u00A0'
          || (ch >= '\u2000' && ch <= '\u200A')
          || ch == '\u202F') {
        c[i] = ' ';
      } else if (Character.isSurrogate(ch)) {
        // HanScript maps supplementary code points on a slow path whose output may change
        // length; no rule here needs them, so a placeholder keeps indexes aligned.
        c[i] = '\uFFFD';
      }
    }
    String t = new String(c);
    String simplified = HanScript.toSimplified(t);
    return simplified.length() == t.length() ? simplified : t;
  }
}
