package org.vigil.schema;

import org.vigil.core.Checks;

/**
 * The exact words of a source that state something: character offsets [start, end) into the
 * source's clean text, and the quoted text itself so the span can be re-anchored if the text is
 * ever re-extracted.
 */
public record SourceSpan(String sourceId, int start, int end, String quote) {
  public SourceSpan {
    Checks.notBlank(sourceId, "sourceId");
    Checks.check(
        start >= 0 && end >= start,
        "span must satisfy 0 <= start <= end, was " + start + ".." + end);
    Checks.notNull(quote, "quote");
    Checks.check(quote.length() == end - start, "quote length must equal end - start");
  }

  /**
   * This span in a re-extracted text of the same source: unchanged when the quote is still at its
   * offsets, else moved to the occurrence of the quote nearest to the old start (texts shift when
   * boilerplate rules change); empty when the quote no longer occurs at all, so the claim can be
   * flagged for a reviewer instead of pointing at the wrong words.
   */
  public java.util.Optional<SourceSpan> reanchor(String text) {
    if (end <= text.length() && text.regionMatches(start, quote, 0, quote.length())) {
      return java.util.Optional.of(this);
    }
    if (quote.isEmpty()) {
      return java.util.Optional.empty();
    }
    int best = -1;
    for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
      if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) {
        best = i;
      }
    }
    return best < 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(new SourceSpan(sourceId, best, best + quote.length(), quote));
  }

  /** The span of {@code text} from {@code start} to {@code end} in source {@code sourceId}. */
  public static SourceSpan of(String sourceId, String text, int start, int end) {
    return new SourceSpan(sourceId, start, end, text.substring(start, end));
  }
}
