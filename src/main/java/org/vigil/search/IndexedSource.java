package org.vigil.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * What the index holds of one source. {@code text} is shown (snippets); {@code normalizedText}
 * (simplified Chinese) is what Chinese fields are analysed from, so queries in either script meet.
 */
public record IndexedSource(
    String id,
    String title,
    String text,
    String normalizedText,
    String language,
    SourceFacets facets) {

  public IndexedSource {
    Checks.notBlank(id, "id");
    Checks.notNull(title, "title");
    Checks.notNull(text, "text");
    Checks.notNull(normalizedText, "normalizedText");
    Checks.notBlank(language, "language");
    Checks.notNull(facets, "facets");
  }

  /** Filterable, facetable attributes. */
  public record SourceFacets(
      @Nullable String publisher, @Nullable LocalDate published, @Nullable String clusterId) {}
}
