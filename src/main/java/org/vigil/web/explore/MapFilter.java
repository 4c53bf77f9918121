package org.vigil.web.explore;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;

/**
 * The map's filters; null means "any". Years bound the record's date (an incident's date, a
 * station's opening); records without a date are left out once a year bound is set.
 *
 * @param layer "station", "incident" or null for both
 */
public record MapFilter(
    @Nullable String layer,
    @Nullable Integer from,
    @Nullable Integer to,
    @Nullable String agency,
    @Nullable String tactic,
    @Nullable String status) {

  static MapFilter parse(Map<String, String> q) {
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    String layer = blankToNull(q.get("layer"));
    if (layer != null && !layer.equals("station") && !layer.equals("incident")) {
      problems.put("layer", "must be station or incident");
    }
    Integer from = year(q.get("from"), "from", problems);
    Integer to = year(q.get("to"), "to", problems);
    if (from != null && to != null && from > to) {
      problems.put("to", "must not be before from");
    }
    if (!problems.isEmpty()) {
      throw VigilException.invalid("invalid map filter", problems);
    }
    return new MapFilter(
        layer,
        from,
        to,
        blankToNull(q.get("agency")),
        blankToNull(q.get("tactic")),
        blankToNull(q.get("status")));
  }

  private static @Nullable Integer year(
      @Nullable String s, String field, Map<String, String> problems) {
    s = blankToNull(s);
    if (s == null) {
      return null;
    }
    if (!s.matches("\\d{4}")) {
      problems.put(field, "must be a four-digit year");
      return null;
    }
    return Integer.parseInt(s);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  boolean hasYears() {
    return from != null || to != null;
  }
}
