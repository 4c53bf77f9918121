package org.vigil.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.ingest.ItemResult;
import org.vigil.records.CaptureRecord;
import org.vigil.records.SourceRecord;
import org.vigil.records.SourceSummary;

/**
 * The shapes of {@code --json} output. Field names are a published interface (docs/cli.md): add
 * fields, never rename or remove them.
 */
final class Views {
  private Views() {}

  record ErrorView(String code, String message) {}

  record IngestItemView(
      String input,
      @Nullable String url,
      String status,
      @Nullable String sourceId,
      @Nullable String cluster,
      boolean duplicate,
      @Nullable ErrorView error) {
    static IngestItemView of(ItemResult r) {
      return new IngestItemView(
          r.input(),
          r.url(),
          r.status().label(),
          r.sourceId(),
          r.clusterId(),
          r.duplicate(),
          r.error() == null ? null : new ErrorView(r.error().code().code(), r.error().message()));
    }
  }

  record SourceView(
      String id,
      @Nullable String title,
      String language,
      @Nullable String publisher,
      @Nullable LocalDate published,
      String sha256,
      String cluster) {
    static SourceView of(SourceSummary s) {
      return new SourceView(
          s.id(),
          s.title(),
          s.language(),
          s.publisher(),
          s.published(),
          s.hash().hex(),
          s.clusterId());
    }
  }

  record CaptureView(
      String origin,
      String originKind,
      Instant retrievedAt,
      String mediaType,
      long size,
      @Nullable Integer httpStatus,
      @Nullable Map<String, List<String>> httpHeaders,
      @Nullable String finalUrl,
      List<String> redirects) {
    static CaptureView of(CaptureRecord c) {
      CaptureRecord.HttpCapture h = c.http();
      return new CaptureView(
          c.origin().value(),
          c.origin().kind().name().toLowerCase(java.util.Locale.ROOT),
          c.retrievedAt(),
          c.mediaType(),
          c.size(),
          h == null ? null : h.status(),
          h == null ? null : h.headers(),
          h == null ? null : h.finalUrl(),
          h == null ? List.of() : h.redirects());
    }
  }

  record ShowView(
      String id,
      String sha256,
      String mediaType,
      long size,
      @Nullable String title,
      @Nullable String author,
      @Nullable String publisher,
      @Nullable LocalDate published,
      @Nullable String canonicalUrl,
      String language,
      String cluster,
      List<String> clusterMembers,
      Instant capturedAt,
      List<CaptureView> captures,
      List<String> warnings,
      String text,
      String normalizedText) {
    static ShowView of(SourceRecord s, List<CaptureRecord> captures, List<String> members) {
      return new ShowView(
          s.id(),
          s.original().hash().hex(),
          s.original().mediaType(),
          s.original().size(),
          s.metadata().title(),
          s.metadata().author(),
          s.metadata().publisher(),
          s.metadata().published(),
          s.metadata().canonicalUrl(),
          s.content().language(),
          s.clusterId(),
          members,
          s.capturedAt(),
          captures.stream().map(CaptureView::of).toList(),
          s.content().warnings(),
          s.content().text(),
          s.content().normalizedText());
    }
  }

  record ClusterView(String cluster, int size, List<SourceView> members) {}

  record SpanView(int start, int end) {}

  record HitView(
      String id,
      String title,
      String language,
      @Nullable String publisher,
      @Nullable LocalDate published,
      float score,
      String snippet,
      List<SpanView> highlights,
      @Nullable String cluster) {}

  record FacetView(String value, long count) {}

  record SearchView(
      String query, long total, List<HitView> hits, Map<String, List<FacetView>> facets) {}

  record ProblemView(String sourceId, String sha256, String problem) {}

  record VerifyView(long checked, long ok, boolean passed, List<ProblemView> problems) {}
}
