package org.vigil.web.sources;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sources list: a search's hits (or, with no query, the most recently captured sources), the
 * facets as links that add or remove a filter, and paging.
 *
 * @param searching whether a query was given (hits with snippets) or this is the recent list
 */
public record SourceListView(
    SearchForm form,
    boolean searching,
    long total,
    List<Row> rows,
    List<Facet> facets,
    List<Filter> filters,
    Paging paging,
    List<SortOption> sorts) {
  public SourceListView {
    rows = List.copyOf(rows);
    facets = List.copyOf(facets);
    filters = List.copyOf(filters);
    sorts = List.copyOf(sorts);
  }

  /** One source in the list; {@code snippet} is empty in the recent list. */
  public record Row(
      String id,
      String title,
      String language,
      @Nullable String publisher,
      @Nullable String published,
      List<SnippetPart> snippet) {
    public Row {
      snippet = List.copyOf(snippet);
    }
  }

  /** A piece of a snippet: text, highlighted where the query matched. */
  public record SnippetPart(String text, boolean highlighted) {}

  /** A facet: its name (language, publisher, year) and values with counts. */
  public record Facet(String name, List<FacetValue> values) {
    public Facet {
      values = List.copyOf(values);
    }
  }

  /** A facet value; {@code url} applies it (or, when selected, removes it). */
  public record FacetValue(String value, long count, String url, boolean selected) {}

  /** A filter in force, with the link that removes it. */
  public record Filter(String name, String value, String removeUrl) {}

  public record Paging(
      int page, int size, @Nullable String previousUrl, @Nullable String nextUrl, int pages) {}

  public record SortOption(String value, String url, boolean selected) {}
}
