package org.vigil.search;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One hit.
 *
 * @param snippet a passage of the source's text around the matches
 * @param highlights the matched parts of {@code snippet} as [start, end) character offsets
 */
public record SearchHit(
    String id,
    String title,
    String language,
    @Nullable String publisher,
    @Nullable LocalDate published,
    float score,
    String snippet,
    List<Span> highlights) {

  public record Span(int start, int end) {}
}
