package org.vigil.extract;

import java.util.Set;

/**
 * Sentence bounds around a position, found by scanning a bounded distance either way so that each
 * lookup costs at most {@link #REACH} characters whatever the text.
 */
final class SentenceBounds {
  static final int REACH = 600;
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "gen", "prof", "sen", "rep", "gov", "inc", "ltd",
          "co", "s", "u", "e", "i", "vs", "p", "pp", "approx", "est", "col", "lt", "sgt");

  private SentenceBounds() {}

  /** Index of the first char of the sentence holding {@code pos}. */
  static int start(String t, int pos) {
    int limit = Math.max(0, pos - REACH);
    for (int i = Math.min(pos, t.length()) - 1; i >= limit; i--) {
      if (endsSentenceAt(t, i)) {
        return i + 1;
      }
    }
    return limit;
  }

  /** Index just past the sentence holding {@code pos}. */
  static int end(String t, int pos) {
    int limit = Math.min(t.length(), pos + REACH);
    for (int i = Math.max(pos, 0); i < limit; i++) {
      if (endsSentenceAt(t, i)) {
        return i + 1;
      }
    }
    return limit;
  }

  static boolean endsSentenceAt(String t, int i) {
    char c = t.charAt(i);
    switch (c) {
      case '。', '！', '？', '；', '!', '?', ';', '\n', '\r' -> {
        return true;
      }
      case '.' -> {
        // A full stop ends a sentence only before a space and not after "Sept" or "Mr".
        if (i + 1 < t.length() && !Character.isWhitespace(t.charAt(i + 1))) {
          return false;
        }
        int w = i;
        while (w > 0 && Character.isLetter(t.charAt(w - 1)) && i - w < 8) {
          w--;
        }
        String word = t.substring(w, i).toLowerCase(java.util.Locale.ROOT);
        return !ABBREVIATIONS.contains(word);
      }
      default -> {
        return false;
      }
    }
  }
}
