package org.vigil.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * A search as a user typed it. {@code text} uses simple syntax: words, {@code "phrases"}, {@code
 * -excluded}, {@code a | b}, {@code prefix*}; it is never able to raise a syntax error.
 *
 * @param language keep only sources in this language; {@code zh} matches {@code zh-Hans} and {@code
 *     zh-Hant}
 */
public record SearchQuery(
    String text,
    @Nullable String language,
    @Nullable String publisher,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    int limit) {

  public SearchQuery {
    Checks.notNull(text, "text");
    Checks.positive(limit, "limit");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
  }

  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, 10);
  }
}
