package org.vigil.web.review;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;
import org.vigil.records.ProposalStatus;
import org.vigil.schema.ProposalKind;

/**
 * What the review queue shows: proposals of one kind and/or one source, at least this confident,
 * one page at a time.
 *
 * @param status {@code open} on the page; the API may ask for decided ones
 */
public record QueueFilter(
    @Nullable ProposalKind kind,
    @Nullable String source,
    double minConfidence,
    @Nullable ProposalStatus status,
    int page,
    int size) {
  static final int PAGE_SIZE = 25;

  /**
   * Reads query parameters {@code kind}, {@code source}, {@code min} (0–1), {@code status}, {@code
   * page} (from 1) and {@code limit}.
   *
   * @throws VigilException {@code invalid_input} naming every bad parameter
   */
  static QueueFilter parse(Map<String, String> q, int defaultSize) {
    Map<String, String> problems = new LinkedHashMap<>();
    ProposalKind kind = null;
    String k = q.getOrDefault("kind", "").trim();
    if (!k.isEmpty()) {
      try {
        kind = ProposalKind.valueOf(k.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.put("kind", "unknown kind '" + k + "'; one of " + kinds());
      }
    }
    ProposalStatus status = ProposalStatus.OPEN;
    String s = q.getOrDefault("status", "").trim();
    if (s.equals("any")) {
      status = null;
    } else if (!s.isEmpty()) {
      try {
        status = ProposalStatus.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.put(
            "status", "unknown status '" + s + "'; open, accepted, edited, rejected or any");
      }
    }
    double min = 0;
    String m = q.getOrDefault("min", "").trim();
    if (!m.isEmpty()) {
      try {
        min = Double.parseDouble(m);
        if (min < 0 || min > 1 || Double.isNaN(min)) {
          problems.put("min", "a confidence between 0 and 1");
        }
      } catch (NumberFormatException e) {
        problems.put("min", "'" + m + "' is not a number between 0 and 1");
      }
    }
    int page = positive(q, "page", 1, 1_000_000, problems);
    int size = positive(q, "limit", defaultSize, 1000, problems);
    if (!problems.isEmpty()) {
      throw VigilException.invalid("the review filter is invalid", problems);
    }
    String source = q.getOrDefault("source", "").trim();
    return new QueueFilter(kind, source.isEmpty() ? null : source, min, status, page, size);
  }

  private static int positive(
      Map<String, String> q, String name, int dflt, int max, Map<String, String> problems) {
    String v = q.getOrDefault(name, "").trim();
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.put(name, "a whole number from 1 to " + max);
    return dflt;
  }

  static String kinds() {
    return String.join(
        ", ", java.util.Arrays.stream(ProposalKind.values()).map(ProposalKind::code).toList());
  }

  /** The query string of this filter on another page (empty parts left out). */
  public String query(int otherPage) {
    StringBuilder b = new StringBuilder();
    if (kind != null) {
      b.append("&kind=").append(kind.code());
    }
    if (source != null) {
      b.append("&source=").append(org.vigil.web.Web.encode(source));
    }
    if (minConfidence > 0) {
      b.append("&min=").append(minConfidence);
    }
    if (otherPage > 1) {
      b.append("&page=").append(otherPage);
    }
    return b.isEmpty() ? "" : "?" + b.substring(1);
  }

  public String kindCode() {
    return kind == null ? "" : kind.code();
  }

  public String sourceText() {
    return source == null ? "" : source;
  }

  public String minText() {
    return minConfidence > 0 ? String.valueOf(minConfidence) : "";
  }
}
