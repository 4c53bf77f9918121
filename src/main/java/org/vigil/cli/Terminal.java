package org.vigil.cli;

import java.util.List;
import org.vigil.search.SearchHit;

/** Text layout for humans. */
final class Terminal {
  private Terminal() {}

  /** Cuts to at most {@code max} characters, marking the cut with an ellipsis. */
  static String cut(String s, int max) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() <= max ? one : one.substring(0, Math.max(0, max - 1)) + "…";
  }

  /** Marks highlighted spans: bold on a terminal, {@code [..]} elsewhere. */
  static String mark(String snippet, List<SearchHit.Span> spans, boolean ansi) {
    StringBuilder b = new StringBuilder();
    int at = 0;
    for (SearchHit.Span s : spans) {
      if (s.start() < at || s.end() > snippet.length() || s.start() >= s.end()) {
        continue;
      }
      b.append(snippet, at, s.start());
      b.append(ansi ? "\u001b[1m" : "[")
          .append(snippet, s.start(), s.end())
          .append(ansi ? "\u001b[0m" : "]");
      at = s.end();
    }
    b.append(snippet.substring(at));
    return b.toString().replaceAll("\\s+", " ").trim();
  }
}
