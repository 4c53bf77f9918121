package org.vigil.web.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.ClaimSpan;
import org.vigil.records.EntityRecord;
import org.vigil.records.SourceRecord;
import org.vigil.records.StatusChange;
import org.vigil.review.Support;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.PropertySpec;
import org.vigil.schema.Schema;
import org.vigil.web.Workspace;

/**
 * Builds {@link ClaimView}s for one request, reading each source's title and each linked record's
 * label once.
 */
public final class ClaimViews {
  private final Workspace workspace;
  private final String lang;
  private final Schema schema = Schema.standard();
  private final Map<String, String> titles = new HashMap<>();
  private final Map<String, Optional<EntityRecord>> records = new HashMap<>();

  public ClaimViews(Workspace workspace, String lang) {
    this.workspace = workspace;
    this.lang = lang;
  }

  public ClaimView of(Claim c) {
    PropertySpec spec = property(c);
    Support support = workspace.review().support(c.id());
    List<ClaimView.SpanView> spans = new ArrayList<>();
    for (ClaimSpan s : workspace.claims().spans(c.id())) {
      String sourceId = s.span().sourceId();
      spans.add(
          new ClaimView.SpanView(
              s.id(),
              sourceId,
              title(sourceId),
              s.span().start(),
              s.span().end(),
              s.span().quote(),
              s.attribution(),
              Links.sourceAt(sourceId, "claim-span-" + s.id())));
    }
    List<ClaimView.Step> history = new ArrayList<>();
    for (StatusChange h : workspace.claims().history(c.id())) {
      history.add(
          new ClaimView.Step(
              h.from() == null ? "" : h.from().code(),
              h.to().code(),
              h.by().actor(),
              h.by().at(),
              h.reason()));
    }
    List<Option> steps = new ArrayList<>();
    for (ClaimStatus s : ClaimStatus.values()) {
      // corroborated needs two independent origins: not offered before the claim has them
      if (workspace.review().allowedSteps(c.status()).contains(s)
          && (s != ClaimStatus.CORROBORATED || support.origins() >= 2)) {
        steps.add(new Option(s.code(), statusLabel(s)));
      }
    }
    String valueLabel = c.object().display();
    String link = null;
    if (c.object() instanceof ClaimObject.Ref r) {
      valueLabel = record(r.entityId()).map(EntityRecord::label).orElse(r.entityId());
      link = Links.record(r.entityId());
    } else if (c.object() instanceof ClaimObject.Code code
        && spec != null
        && spec.vocabulary() != null
        && schema.vocabulary(spec.vocabulary()).contains(code.code())) {
      valueLabel = schema.vocabulary(spec.vocabulary()).label(code.code(), lang);
    }
    return new ClaimView(
        c.id(),
        c.subjectId(),
        c.predicate(),
        spec == null ? c.predicate() : spec.label(lang),
        c.object().display(),
        valueLabel,
        link,
        c.status().code(),
        statusLabel(c.status()),
        c.version(),
        support.documents(),
        support.origins(),
        support.describe(),
        spans,
        history,
        steps);
  }

  public String statusLabel(ClaimStatus s) {
    return schema.vocabulary("claim_status").label(s.code(), lang);
  }

  /** The record, if it exists (cached for this request). */
  public Optional<EntityRecord> record(String id) {
    return records.computeIfAbsent(id, k -> workspace.records().find(k));
  }

  /** The source's title, or its id when it has none (cached for this request). */
  public String title(String sourceId) {
    return titles.computeIfAbsent(
        sourceId,
        k -> {
          Optional<SourceRecord> s = workspace.sources().find(k);
          String t = s.map(x -> x.metadata().title()).orElse(null);
          return t == null || t.isBlank() ? k : t;
        });
  }

  private @Nullable PropertySpec property(Claim c) {
    if (c.subjectId() == null) {
      return null;
    }
    return record(c.subjectId())
        .flatMap(e -> schema.findType(e.type()))
        .flatMap(t -> t.property(c.predicate()))
        .orElse(null);
  }
}
