package org.vigil.extract;

import java.util.HashSet;
import java.util.Set;
import org.vigil.core.HanScript;

/**
 * Tells simplified from traditional Chinese by counting the distinct Han characters that only one
 * script uses: those that change under traditional→simplified conversion are traditional, those
 * that change under simplified→traditional are simplified. Characters common to both scripts (most
 * of them) do not vote.
 */
final class ChineseVariant {
  /** Distinct characters are plenty to decide long before this many. */
  private static final int MAX_DISTINCT = 3_000;

  private ChineseVariant() {}

  static String of(String text) {
    Set<Integer> distinct = new HashSet<>();
    for (int i = 0; i < text.length() && distinct.size() < MAX_DISTINCT; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        distinct.add(cp);
      }
    }
    int traditional = 0;
    int simplified = 0;
    for (int c : distinct) {
      if (HanScript.isTraditionalForm(c)) {
        traditional++;
      }
      if (HanScript.isSimplifiedForm(c)) {
        simplified++;
      }
    }
    return traditional > simplified ? "zh-Hant" : "zh-Hans";
  }
}
