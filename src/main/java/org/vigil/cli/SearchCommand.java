package org.vigil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.core.VigilException;
import org.vigil.records.SourceRecord;
import org.vigil.search.SearchHit;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    description = {
      "Full-text search of sources (English stemming; Chinese words in either script).",
      "Syntax: words, \"a phrase\", -excluded, a | b, prefix*."
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to look for.")
  List<String> words;

  @Option(
      names = "--lang",
      paramLabel = "L",
      description = "Only this language (en, zh, zh-Hans, zh-Hant, es …).")
  @Nullable String lang;

  @Option(
      names = "--publisher",
      paramLabel = "NAME",
      description = "Only this publisher (exact name).")
  @Nullable String publisher;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Published on or after (YYYY-MM-DD).")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before (YYYY-MM-DD).")
  @Nullable String to;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many hits (default 10).")
  int limit;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String text = String.join(" ", words);
    LocalDate fromDate = date("from", from);
    LocalDate toDate = date("to", to);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      throw VigilException.invalid("from", "--from " + fromDate + " is after --to " + toDate);
    }
    if (limit <= 0) {
      throw VigilException.invalid("limit", "--limit must be positive, was " + limit);
    }
    try (Vigil vigil = common.open()) {
      SearchResult r =
          vigil.index().search(new SearchQuery(text, lang, publisher, fromDate, toDate, limit));
      if (common.json) {
        Map<String, List<Views.FacetView>> facets = new LinkedHashMap<>();
        r.facets()
            .forEach(
                (k, v) ->
                    facets.put(
                        k,
                        v.stream().map(f -> new Views.FacetView(f.value(), f.count())).toList()));
        List<Views.HitView> hits =
            r.hits().stream()
                .map(
                    h ->
                        new Views.HitView(
                            h.id(),
                            h.title(),
                            h.language(),
                            h.publisher(),
                            h.published(),
                            h.score(),
                            h.snippet(),
                            h.highlights().stream()
                                .map(s -> new Views.SpanView(s.start(), s.end()))
                                .toList(),
                            vigil.sources().find(h.id()).map(SourceRecord::clusterId).orElse(null)))
                .toList();
        Json.line(out, new Views.SearchView(text, r.total(), hits, facets));
        return 0;
      }
      out.printf("%d result%s for %s%n", r.total(), r.total() == 1 ? "" : "s", text);
      r.facets()
          .forEach(
              (name, counts) -> {
                if (!counts.isEmpty()) {
                  StringBuilder b = new StringBuilder("  " + name + ":");
                  counts.stream()
                      .limit(8)
                      .forEach(
                          c ->
                              b.append(' ')
                                  .append(c.value())
                                  .append(" (")
                                  .append(c.count())
                                  .append(')'));
                  out.println(b);
                }
              });
      int i = 1;
      boolean ansi = System.console() != null;
      for (SearchHit h : r.hits()) {
        out.printf("%n%d. %s%n", i++, h.title().isBlank() ? "(untitled)" : h.title());
        out.printf(
            "   %s · %s · %s · %s%n",
            h.id(),
            h.language(),
            h.publisher() == null ? "-" : h.publisher(),
            h.published() == null ? "-" : h.published());
        out.println("   " + Terminal.mark(h.snippet(), h.highlights(), ansi));
      }
      out.flush();
      return 0;
    }
  }

  private static @Nullable LocalDate date(String field, @Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw VigilException.invalid(field, "'" + value + "' is not a date like 2023-03-31");
    }
  }
}
