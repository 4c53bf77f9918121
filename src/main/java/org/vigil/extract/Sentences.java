package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentence spans for the proposers' context windows: at 。！？!? and at a full stop
 * followed by a space and a capital letter, a quote or a digit, and at line breaks. A full stop
 * before a lower-case word ("U.S. police") does not end a sentence. Very long runs without a
 * boundary are cut so that no rule ever scans an unbounded window.
 */
final class Sentences {
  static final int MAX_CHARS = 2_000;

  record Span(int start, int end) {}

  private Sentences() {}

  static List<Span> of(String text) {
    List<Span> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean end =
          c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n' || c == '；';
      if (c == '.' && (i + 2 >= n || Character.isWhitespace(text.charAt(i + 1)))) {
        char next = i + 2 < n ? text.charAt(i + 2) : 'A';
        end =
            Character.isUpperCase(next)
                || next == '"'
                || next == '“'
                || Character.isDigit(next)
                || !Character.isLetter(next);
      }
      if (end || i - start >= MAX_CHARS) {
        add(out, text, start, i + 1);
        start = i + 1;
      }
    }
    add(out, text, start, n);
    return out;
  }

  private static void add(List<Span> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }
}
