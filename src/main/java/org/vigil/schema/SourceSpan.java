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

  /** The span of {@code text} from {@code start} to {@code end} in source {@code sourceId}. */
  public static SourceSpan of(String sourceId, String text, int start, int end) {
    return new SourceSpan(sourceId, start, end, text.substring(start, end));
  }
}
