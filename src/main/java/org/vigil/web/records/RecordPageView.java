package org.vigil.web.records;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.records.EntityRecord;
import org.vigil.web.review.ClaimFormView;
import org.vigil.web.review.ClaimView;
import org.vigil.web.review.Option;

/**
 * One record: each property of its type with the claims that give it a value, claims pointing at
 * it, the sources citing it, its audit history, and the forms a reviewer may use.
 *
 * @param mergeCandidates records of the same type with similar labels (empty for the API)
 * @param claimForm the form adding a claim about the record; null for the API, which sends no forms
 */
public record RecordPageView(
    EntityRecord record,
    String typeLabel,
    String statusLabel,
    List<Property> properties,
    List<Relation> relations,
    List<SourceRef> sources,
    List<AuditRow> audit,
    List<Option> mergeCandidates,
    @Nullable ClaimFormView claimForm) {
  public RecordPageView {
    properties = List.copyOf(properties);
    relations = List.copyOf(relations);
    sources = List.copyOf(sources);
    audit = List.copyOf(audit);
    mergeCandidates = List.copyOf(mergeCandidates);
  }

  /** This page's own address (ids encoded), where forms return. */
  public String self() {
    return org.vigil.web.review.Links.record(record.id());
  }

  /** One property of the record's type and its claims (none: no source says anything yet). */
  public record Property(String name, String label, List<ClaimView> claims) {
    public Property {
      claims = List.copyOf(claims);
    }
  }

  /** A claim of another record pointing at this one: "Station X — operated by — this". */
  public record Relation(
      String claimId,
      String subjectId,
      String subjectLabel,
      String subjectLink,
      String predicateLabel,
      String status,
      String statusLabel) {}

  /** A source citing the record, and how many spans of it do. */
  public record SourceRef(String id, String title, String link, int spans) {}

  /** One audit event about the record or one of its claims. */
  public record AuditRow(
      long seq, Instant at, String actor, String action, String subject, String reason) {}
}
