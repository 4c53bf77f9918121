package org.vigil.web.sources;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;
import org.vigil.search.SearchOrder;

/**
 * The sources list's query string, checked: {@code q}, filters {@code language}, {@code publisher},
 * {@code year}, {@code sort} ({@code relevance}|{@code newest}|{@code oldest}), {@code page} (from
 * 1) and {@code size}.
 */
public record SearchForm(
    String q,
    @Nullable String language,
    @Nullable String publisher,
    @Nullable Integer year,
    SearchOrder sort,
    int page,
    int size) {
  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  /** Parses query parameters; every problem is reported at once, by field. */
  static SearchForm parse(Function<String, @Nullable String> param) {
    Map<String, String> problems = new LinkedHashMap<>();
    String q = trim(param.apply("q"));
    String language = blankToNull(param.apply("language"));
    String publisher = blankToNull(param.apply("publisher"));
    Integer year = null;
    String y = blankToNull(param.apply("year"));
    if (y != null) {
      year = number(y, "year", 1, 9999, problems);
    }
    SearchOrder sort = SearchOrder.RELEVANCE;
    String s = blankToNull(param.apply("sort"));
    if (s != null) {
      try {
        sort = SearchOrder.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.put("sort", "must be relevance, newest or oldest, was '" + s + "'");
      }
    }
    int page = 1;
    String p = blankToNull(param.apply("page"));
    if (p != null) {
      Integer n = number(p, "page", 1, 100_000, problems);
      page = n == null ? 1 : n;
    }
    int size = DEFAULT_SIZE;
    String z = blankToNull(param.apply("size"));
    if (z != null) {
      Integer n = number(z, "size", 1, MAX_SIZE, problems);
      size = n == null ? DEFAULT_SIZE : n;
    }
    if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
      problems.put("language", "must be a language tag such as en, zh or zh-Hant");
    }
    if (!problems.isEmpty()) {
      throw VigilException.invalid("the search has invalid parameters", problems);
    }
    return new SearchForm(q, language, publisher, year, sort, page, size);
  }

  boolean hasQuery() {
    return !q.isEmpty();
  }

  boolean hasFilters() {
    return language != null || publisher != null || year != null;
  }

  int offset() {
    return (page - 1) * size;
  }

  @Nullable LocalDate from() {
    return year == null ? null : LocalDate.of(year, 1, 1);
  }

  @Nullable LocalDate to() {
    return year == null ? null : LocalDate.of(year, 12, 31);
  }

  /** This search as query parameters (defaults left out), in a stable order. */
  Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    if (!q.isEmpty()) {
      m.put("q", q);
    }
    if (language != null) {
      m.put("language", language);
    }
    if (publisher != null) {
      m.put("publisher", publisher);
    }
    if (year != null) {
      m.put("year", Integer.toString(year));
    }
    if (sort != SearchOrder.RELEVANCE) {
      m.put("sort", sort.name().toLowerCase(Locale.ROOT));
    }
    if (size != DEFAULT_SIZE) {
      m.put("size", Integer.toString(size));
    }
    if (page != 1) {
      m.put("page", Integer.toString(page));
    }
    return m;
  }

  private static @Nullable Integer number(
      String raw, String field, int min, int max, Map<String, String> problems) {
    try {
      int n = Integer.parseInt(raw.trim());
      if (n < min || n > max) {
        problems.put(field, "must be between " + min + " and " + max + ", was " + n);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.put(field, "must be a whole number, was '" + raw + "'");
      return null;
    }
  }

  private static String trim(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
