package org.vigil.web.sources;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ContentHash;
import org.vigil.core.VigilException;
import org.vigil.records.CaptureRecord;
import org.vigil.records.Claim;
import org.vigil.records.ClaimSpan;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.records.SourceRecord;
import org.vigil.records.SourceSummary;
import org.vigil.schema.ClaimStatus;
import org.vigil.search.FacetCount;
import org.vigil.search.SearchHit;
import org.vigil.search.SearchOrder;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResult;
import org.vigil.web.Web;
import org.vigil.web.Workspace;

/**
 * Builds the sources pages' and API's views from the workspace: search, recent list, one source.
 */
final class SourcePages {
  /** Facets in the order the page shows them. */
  static final List<String> FACETS = List.of("language", "publisher", "year");

  private static final int FACET_VALUES = 15;

  private final Workspace workspace;

  SourcePages(Workspace workspace) {
    this.workspace = workspace;
  }

  /** What a search (or the recent list) found, before it is shaped for a page or the API. */
  record Found(long total, List<SourceListView.Row> rows, Map<String, List<FacetCount>> facets) {}

  /**
   * Runs the form's search, or lists recent sources when it has no query.
   *
   * @throws VigilException invalid input for a query the index refuses, or filters without a query
   */
  Found find(SearchForm form) {
    if (!form.hasQuery()) {
      if (form.hasFilters()) {
        throw VigilException.invalid(
            "q", "type something to search for: filters narrow a search's results");
      }
      List<SourceListView.Row> rows = new ArrayList<>();
      for (SourceSummary s : workspace.sources().recent(form.size(), form.offset())) {
        rows.add(
            new SourceListView.Row(
                s.id(),
                titleOf(s.title()),
                s.language(),
                s.publisher(),
                date(s.published()),
                List.of()));
      }
      return new Found(workspace.sources().count(), rows, Map.of());
    }
    SearchResult r =
        workspace
            .index()
            .search(
                new SearchQuery(
                    form.q(),
                    form.language(),
                    form.publisher(),
                    form.from(),
                    form.to(),
                    form.size()),
                form.offset(),
                form.sort());
    List<SourceListView.Row> rows = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      rows.add(
          new SourceListView.Row(
              h.id(),
              titleOf(h.title()),
              h.language(),
              h.publisher(),
              date(h.published()),
              snippet(h.snippet(), h.highlights())));
    }
    return new Found(r.total(), rows, r.facets());
  }

  SourceListView list(SearchForm form) {
    Found found = find(form);
    List<SourceListView.Facet> facets = new ArrayList<>();
    for (String name : FACETS) {
      List<FacetCount> counts = found.facets().getOrDefault(name, List.of());
      if (counts.isEmpty()) {
        continue;
      }
      String selected = selected(form, name);
      List<SourceListView.FacetValue> values = new ArrayList<>();
      for (FacetCount c : counts.subList(0, Math.min(FACET_VALUES, counts.size()))) {
        boolean on = c.value().equals(selected);
        values.add(
            new SourceListView.FacetValue(
                c.value(), c.count(), url(withParam(form, name, on ? null : c.value())), on));
      }
      facets.add(new SourceListView.Facet(name, values));
    }
    List<SourceListView.Filter> filters = new ArrayList<>();
    for (String name : FACETS) {
      String v = selected(form, name);
      if (v != null) {
        filters.add(new SourceListView.Filter(name, v, url(withParam(form, name, null))));
      }
    }
    int pages = (int) Math.max(1, (found.total() + form.size() - 1) / form.size());
    if (form.hasQuery()) {
      pages = Math.min(pages, Math.max(1, 1000 / form.size()));
    }
    String prev = form.page() > 1 ? url(withParam(form, "page", pageParam(form.page() - 1))) : null;
    String next =
        form.page() < pages ? url(withParam(form, "page", pageParam(form.page() + 1))) : null;
    List<SourceListView.SortOption> sorts = new ArrayList<>();
    if (form.hasQuery()) {
      for (SearchOrder o : SearchOrder.values()) {
        String v = o.name().toLowerCase(Locale.ROOT);
        Map<String, String> p = withParam(form, "sort", o == SearchOrder.RELEVANCE ? null : v);
        p.remove("page");
        sorts.add(new SourceListView.SortOption(v, url(p), o == form.sort()));
      }
    }
    return new SourceListView(
        form,
        form.hasQuery(),
        found.total(),
        found.rows(),
        facets,
        filters,
        new SourceListView.Paging(form.page(), form.size(), prev, next, pages),
        sorts);
  }

  /** The API's search response. */
  Map<String, Object> listJson(SearchForm form) {
    Found found = find(form);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", form.q());
    out.put("total", found.total());
    out.put("page", form.page());
    out.put("size", form.size());
    out.put("sort", form.sort().name().toLowerCase(Locale.ROOT));
    out.put("hits", found.rows());
    out.put("facets", found.facets());
    return out;
  }

  SourceRecord require(String id) {
    return workspace.sources().find(id).orElseThrow(() -> VigilException.notFound("source " + id));
  }

  SourcePageView page(String id) {
    SourceRecord s = require(id);
    String text = s.content().text();
    List<TextSegments.Mark> marks = new ArrayList<>();
    List<SourcePageView.ProposalItem> proposals = new ArrayList<>();
    for (ProposalRecord p : workspace.proposals().list(ProposalFilter.ofSource(s.id()))) {
      var span = p.proposal().span();
      String kind = p.proposal().kind().code();
      proposals.add(
          new SourcePageView.ProposalItem(
              p.id(),
              kind,
              p.status().code(),
              span.start(),
              span.end(),
              span.quote(),
              fields(p.proposal().fields()),
              p.proposal().confidence()));
      if (p.status() == ProposalStatus.OPEN) {
        marks.add(
            new TextSegments.Mark(
                TextSegments.Mark.Kind.PROPOSAL, p.id(), span.start(), span.end(), kind));
      }
    }
    List<SourcePageView.ClaimItem> claims = new ArrayList<>();
    Map<String, Optional<Claim>> claimCache = new LinkedHashMap<>();
    for (ClaimSpan cs : workspace.claims().spansInSource(s.id())) {
      Optional<Claim> claim =
          claimCache.computeIfAbsent(cs.claimId(), k -> workspace.claims().find(k));
      if (claim.isEmpty()) {
        continue;
      }
      Claim c = claim.get();
      String status = c.status().name().toLowerCase(Locale.ROOT);
      claims.add(
          new SourcePageView.ClaimItem(
              c.id(),
              Long.toString(cs.id()),
              c.subjectId(),
              c.predicate(),
              c.object().display(),
              status,
              cs.span().start(),
              cs.span().end(),
              cs.span().quote()));
      if (c.status() != ClaimStatus.RETRACTED) {
        marks.add(
            new TextSegments.Mark(
                TextSegments.Mark.Kind.CLAIM,
                c.id(),
                cs.span().start(),
                cs.span().end(),
                c.predicate()));
      }
    }
    List<SourcePageView.Member> cluster = new ArrayList<>();
    for (SourceSummary m : workspace.sources().clusterMembers(s.clusterId())) {
      if (!m.id().equals(s.id())) {
        cluster.add(
            new SourcePageView.Member(
                m.id(), titleOf(m.title()), m.language(), m.publisher(), date(m.published())));
      }
    }
    return new SourcePageView(
        meta(s),
        captures(s.id()),
        cluster,
        TextSegments.split(text, marks),
        proposals,
        claims,
        null);
  }

  /** The API's view of one source: metadata, captures, cluster and the clean text. */
  Map<String, Object> sourceJson(String id) {
    SourceRecord s = require(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", meta(s));
    out.put("captures", captures(s.id()));
    out.put(
        "cluster",
        workspace.sources().clusterMembers(s.clusterId()).stream()
            .map(SourceSummary::id)
            .filter(m -> !m.equals(s.id()))
            .toList());
    out.put("text", s.content().text());
    return out;
  }

  SourcePageView.Meta meta(SourceRecord s) {
    String url = s.metadata().canonicalUrl();
    String text = s.content().text();
    return new SourcePageView.Meta(
        s.id(),
        titleOf(s.metadata().title()),
        url,
        linkable(url),
        s.metadata().author(),
        s.metadata().publisher(),
        date(s.metadata().published()),
        s.content().language(),
        s.capturedAt().toString(),
        s.original().hash().hex(),
        ContentHash.of(text.getBytes(StandardCharsets.UTF_8)).hex(),
        s.original().mediaType(),
        s.original().size(),
        text.length(),
        s.content().warnings(),
        viewMode(s.original().mediaType()));
  }

  private List<SourcePageView.Capture> captures(String id) {
    List<SourcePageView.Capture> out = new ArrayList<>();
    for (CaptureRecord c : workspace.sources().captures(id)) {
      String origin = c.origin().value();
      out.add(
          new SourcePageView.Capture(
              c.origin().kind().name().toLowerCase(Locale.ROOT),
              origin,
              c.origin().kind() == CaptureRecord.Origin.Kind.URL ? linkable(origin) : null,
              c.retrievedAt().toString(),
              c.mediaType(),
              c.size(),
              c.http() == null ? null : c.http().status(),
              c.http() == null ? null : c.http().finalUrl()));
    }
    return out;
  }

  /** How the original may be shown in the page: never as active content. */
  static String viewMode(String mediaType) {
    String t = mediaType.toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    if (semi >= 0) {
      t = t.substring(0, semi).strip();
    }
    if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
      return "html";
    }
    if (t.startsWith("text/")
        || t.equals("application/json")
        || t.equals("application/xml")
        || t.endsWith("+xml")
        || t.endsWith("+json")) {
      return "text";
    }
    return "download";
  }

  /** The URL when its scheme is http or https, so a {@code javascript:} address is never a link. */
  static @Nullable String linkable(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
          ? u.toString()
          : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  static List<SourceListView.SnippetPart> snippet(String text, List<SearchHit.Span> spans) {
    List<SourceListView.SnippetPart> parts = new ArrayList<>();
    int at = 0;
    for (SearchHit.Span s : spans) {
      int start = Math.max(at, Math.min(s.start(), text.length()));
      int end = Math.min(s.end(), text.length());
      if (end <= start) {
        continue;
      }
      if (start > at) {
        parts.add(new SourceListView.SnippetPart(text.substring(at, start), false));
      }
      parts.add(new SourceListView.SnippetPart(text.substring(start, end), true));
      at = end;
    }
    if (at < text.length()) {
      parts.add(new SourceListView.SnippetPart(text.substring(at), false));
    }
    return parts;
  }

  private static String fields(Map<String, List<String>> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            if (b.length() > 0) {
              b.append("; ");
            }
            b.append(k).append(": ").append(String.join(", ", v));
          }
        });
    return b.toString();
  }

  private static @Nullable String selected(SearchForm form, String facet) {
    return switch (facet) {
      case "language" -> form.language();
      case "publisher" -> form.publisher();
      case "year" -> form.year() == null ? null : Integer.toString(form.year());
      default -> null;
    };
  }

  /** The form's parameters with one changed (null removes it); a new filter starts at page 1. */
  private static Map<String, String> withParam(
      SearchForm form, String name, @Nullable String value) {
    Map<String, String> p = form.params();
    if (!name.equals("page")) {
      p.remove("page");
    }
    if (value == null) {
      p.remove(name);
    } else {
      p.put(name, value);
    }
    return p;
  }

  private static @Nullable String pageParam(int page) {
    return page == 1 ? null : Integer.toString(page);
  }

  static String url(Map<String, String> params) {
    StringBuilder b = new StringBuilder("/sources");
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      b.append(sep).append(Web.encode(e.getKey())).append('=').append(Web.encode(e.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  private static String titleOf(@Nullable String title) {
    return title == null || title.isBlank() ? "" : title;
  }

  private static @Nullable String date(@Nullable LocalDate d) {
    return d == null ? null : d.toString();
  }
}
