package org.vigil.web.records;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.web.review.Option;

/**
 * Records of one type (or all), found by label and status.
 *
 * @param types record types to choose from, labels in the page language
 * @param statuses claim statuses to filter by, labels in the page language
 */
public record RecordListView(
    String type,
    String q,
    String status,
    List<Option> types,
    List<Option> statuses,
    List<Row> rows,
    int total,
    int page,
    int pages) {
  public RecordListView {
    types = List.copyOf(types);
    statuses = List.copyOf(statuses);
    rows = List.copyOf(rows);
  }

  public @Nullable String previous() {
    return page > 1 ? link(page - 1) : null;
  }

  public @Nullable String next() {
    return page < pages ? link(page + 1) : null;
  }

  private String link(int p) {
    return "/records?type="
        + org.vigil.web.Web.encode(type)
        + "&q="
        + org.vigil.web.Web.encode(q)
        + "&status="
        + org.vigil.web.Web.encode(status)
        + "&page="
        + p;
  }

  public record Row(
      String id,
      String label,
      String type,
      String typeLabel,
      String status,
      String statusLabel,
      String link) {}
}
