package org.vigil.web.sources;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One source's page: metadata, capture history, duplicate cluster, the clean text cut into marked
 * segments, and the proposals and claims beside it.
 */
public record SourcePageView(
    Meta meta,
    List<Capture> captures,
    List<Member> cluster,
    List<Segment> segments,
    List<ProposalItem> proposals,
    List<ClaimItem> claims,
    org.vigil.web.review.@Nullable ClaimFormView claimForm) {
  public SourcePageView {
    captures = List.copyOf(captures);
    cluster = List.copyOf(cluster);
    segments = List.copyOf(segments);
    proposals = List.copyOf(proposals);
    claims = List.copyOf(claims);
  }

  /** The same page with the form that turns a selection into a claim (see review.js). */
  public SourcePageView withClaimForm(org.vigil.web.review.ClaimFormView form) {
    return new SourcePageView(meta, captures, cluster, segments, proposals, claims, form);
  }

  /**
   * @param url the canonical URL as found in the document (shown as text)
   * @param link the same URL when it is safe to link (http or https), else null
   * @param view how the original can be shown: {@code html} (sandboxed frame), {@code text}, or
   *     {@code download} only
   */
  public record Meta(
      String id,
      String title,
      @Nullable String url,
      @Nullable String link,
      @Nullable String author,
      @Nullable String publisher,
      @Nullable String published,
      String language,
      String capturedAt,
      String sha256,
      String textSha256,
      String mediaType,
      long size,
      int textLength,
      List<String> warnings,
      String view) {
    public Meta {
      warnings = List.copyOf(warnings);
    }
  }

  /** One sighting of the original; {@code link} only for http(s) origins. */
  public record Capture(
      String kind,
      String origin,
      @Nullable String link,
      String retrievedAt,
      String mediaType,
      long size,
      @Nullable Integer httpStatus,
      @Nullable String finalUrl) {}

  /** Another source of the same story cluster. */
  public record Member(
      String id,
      String title,
      String language,
      @Nullable String publisher,
      @Nullable String published) {}

  /**
   * A run of the text covered by the same marks.
   *
   * @param label the kinds (proposals) and predicates (claims) covering it, for the tooltip
   */
  public record Segment(
      int start,
      int end,
      String text,
      List<String> proposalIds,
      List<String> claimIds,
      String label) {
    public Segment {
      proposalIds = List.copyOf(proposalIds);
      claimIds = List.copyOf(claimIds);
    }

    public boolean marked() {
      return !proposalIds.isEmpty() || !claimIds.isEmpty();
    }

    /** {@code proposal}, {@code claim} or both. */
    public String cssClass() {
      if (proposalIds.isEmpty()) {
        return "claim";
      }
      return claimIds.isEmpty() ? "proposal" : "proposal claim";
    }

    public String proposalIdList() {
      return String.join(" ", proposalIds);
    }

    public String claimIdList() {
      return String.join(" ", claimIds);
    }
  }

  public record ProposalItem(
      String id,
      String kind,
      String status,
      int start,
      int end,
      String quote,
      String fields,
      double confidence) {}

  public record ClaimItem(
      String id,
      String spanId,
      @Nullable String subjectId,
      String predicate,
      String object,
      String status,
      int start,
      int end,
      String quote) {}
}
