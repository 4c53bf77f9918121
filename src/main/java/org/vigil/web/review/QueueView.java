package org.vigil.web.review;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the review queue.
 *
 * @param total how many proposals match the filter
 * @param records records to link (datalist for quantities and dates about a record)
 */
public record QueueView(
    QueueFilter filter, List<Row> rows, int total, List<String> kinds, List<Option> records) {
  public QueueView {
    rows = List.copyOf(rows);
    kinds = List.copyOf(kinds);
    records = List.copyOf(records);
  }

  public int pages() {
    return Math.max(1, (total + filter.size() - 1) / filter.size());
  }

  public @Nullable String previous() {
    return filter.page() > 1 ? "/review" + filter.query(filter.page() - 1) : null;
  }

  public @Nullable String next() {
    return filter.page() < pages() ? "/review" + filter.query(filter.page() + 1) : null;
  }

  /** Where a decision returns: this page of this filter. */
  public String back() {
    return "/review" + filter.query(filter.page());
  }

  /**
   * One proposal: what was extracted, the words around it, and what accepting may add to.
   *
   * @param before text just before the quote (a few words), {@code …} when cut
   * @param suggestions existing records accepting may add to instead of creating another
   * @param needsSubject quantities and dates may be about a record the reviewer names
   */
  public record Row(
      String id,
      int version,
      String kind,
      double confidence,
      List<Field> fields,
      Context context,
      String sourceLink,
      List<Option> suggestions,
      boolean needsSubject) {
    public Row {
      fields = List.copyOf(fields);
      suggestions = List.copyOf(suggestions);
    }

    public String confidenceText() {
      return String.format(java.util.Locale.ROOT, "%.2f", confidence);
    }
  }

  /** One normalised field; {@code value} joins several values with {@code ; }. */
  public record Field(String name, String value) {}

  /** The quote in its sentence, from the source's clean text; the source's title for the link. */
  public record Context(
      String sourceId, String sourceTitle, String before, String quote, String after) {}
}
