package org.vigil.web.records;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.audit.AuditRecord;
import org.vigil.core.Text;
import org.vigil.core.VigilException;
import org.vigil.records.Claim;
import org.vigil.records.EntityRecord;
import org.vigil.records.SourceRecord;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.PropertySpec;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;
import org.vigil.schema.SourceSpan;
import org.vigil.web.Access;
import org.vigil.web.Views;
import org.vigil.web.Web;
import org.vigil.web.Workspace;
import org.vigil.web.review.ClaimFormView;
import org.vigil.web.review.ClaimView;
import org.vigil.web.review.ClaimViews;
import org.vigil.web.review.Links;
import org.vigil.web.review.Option;
import org.vigil.web.review.RequestInput;

/**
 * Record pages and their forms (relabel, claim status, evidence, merge), and the same as {@code
 * /api/v1} JSON.
 */
public final class RecordsController {
  static final int PAGE_SIZE = 50;
  private final Workspace workspace;
  private final Views views;
  private final Schema schema = Schema.standard();

  public RecordsController(Workspace workspace, Views views) {
    this.workspace = workspace;
    this.views = views;
  }

  public void register(JavalinDefaultRoutingApi r) {
    r.get("/records", this::listPage, Access.READ);
    r.get("/records/{id}", this::recordPage, Access.READ);
    r.post("/records/{id}/label", ctx -> redirectAfter(ctx, relabel(ctx)), Access.EDIT);
    r.post("/records/{id}/merge", ctx -> redirectAfter(ctx, merge(ctx)), Access.REVIEW);
    r.post("/claims/{id}/status", ctx -> redirectAfter(ctx, status(ctx)), Access.REVIEW);
    r.post("/claims/{id}/spans", ctx -> redirectAfter(ctx, addSpan(ctx)), Access.EDIT);
    // suggest before {id}: "suggest" is never a record id (ids are type:code)
    r.get("/api/v1/records/suggest", this::suggestApi, Access.READ);
    r.get("/api/v1/records", this::listApi, Access.READ);
    r.get("/api/v1/records/{id}", this::recordApi, Access.READ);
    r.post("/api/v1/records/{id}/label", ctx -> recordJson(ctx, relabel(ctx)), Access.EDIT);
    r.post("/api/v1/records/{id}/merge", ctx -> recordJson(ctx, merge(ctx)), Access.REVIEW);
    r.post("/api/v1/claims/{id}/status", ctx -> claimJson(ctx, status(ctx)), Access.REVIEW);
    r.post("/api/v1/claims/{id}/spans", ctx -> claimJson(ctx, addSpan(ctx)), Access.EDIT);
  }

  private String lang(Context ctx) {
    return Web.messages(ctx).language();
  }

  // ---- lists ---------------------------------------------------------------------------------

  private record ListQuery(String type, String q, String status, int page) {}

  private ListQuery listQuery(Context ctx) {
    String type = param(ctx, "type");
    if (!type.isEmpty()) {
      schema.type(type); // unknown type: invalid_input naming the known ones
    }
    String status = param(ctx, "status");
    if (!status.isEmpty()) {
      ClaimStatus.ofCode(status);
    }
    int page = 1;
    String p = param(ctx, "page");
    if (!p.isEmpty()) {
      try {
        page = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        page = 0;
      }
      if (page < 1) {
        throw VigilException.invalid("page", "a whole number from 1");
      }
    }
    return new ListQuery(type, param(ctx, "q"), status, page);
  }

  private List<EntityRecord> find(ListQuery q) {
    List<EntityRecord> found =
        workspace.review().findRecords(q.q(), q.type().isEmpty() ? null : q.type(), 1_000_000);
    if (!q.status().isEmpty()) {
      found =
          workspace.review().withDerivedStatus(found).stream()
              .filter(e -> e.status().code().equals(q.status()))
              .toList();
    }
    return found;
  }

  private void listPage(Context ctx) {
    ListQuery q = listQuery(ctx);
    String lang = lang(ctx);
    List<EntityRecord> found = find(q);
    int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int from = Math.min(found.size(), (q.page() - 1) * PAGE_SIZE);
    List<RecordListView.Row> rows = new ArrayList<>();
    for (EntityRecord e :
        workspace
            .review()
            .withDerivedStatus(found.subList(from, Math.min(found.size(), from + PAGE_SIZE)))) {
      rows.add(
          new RecordListView.Row(
              e.id(),
              e.label(),
              e.type(),
              schema.type(e.type()).label(lang),
              e.status().code(),
              statusLabel(e.status(), lang),
              Links.record(e.id())));
    }
    List<Option> types = new ArrayList<>();
    for (RecordType t : schema.types()) {
      if (!t.sealed() && !t.name().equals("claim")) {
        types.add(new Option(t.name(), t.label(lang)));
      }
    }
    List<Option> statuses = new ArrayList<>();
    for (ClaimStatus s : ClaimStatus.values()) {
      statuses.add(new Option(s.code(), statusLabel(s, lang)));
    }
    views.render(
        ctx,
        "records/list.jte",
        new RecordListView(
            q.type(), q.q(), q.status(), types, statuses, rows, found.size(), q.page(), pages));
  }

  private void listApi(Context ctx) {
    ListQuery q = listQuery(ctx);
    int limit = limit(ctx, 100);
    List<EntityRecord> found = find(q);
    int from = Math.min(found.size(), (q.page() - 1) * limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", found.size());
    out.put("page", q.page());
    out.put("limit", limit);
    out.put(
        "items",
        workspace
            .review()
            .withDerivedStatus(found.subList(from, Math.min(found.size(), from + limit)))
            .stream()
            .map(RecordsController::summary)
            .toList());
    ctx.json(out);
  }

  private void suggestApi(Context ctx) {
    String type = param(ctx, "type");
    List<EntityRecord> found =
        workspace
            .review()
            .findRecords(param(ctx, "q"), type.isEmpty() ? null : type, limit(ctx, 20));
    ctx.json(found.stream().map(RecordsController::summary).toList());
  }

  private static Map<String, Object> summary(EntityRecord e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("type", e.type());
    m.put("label", e.label());
    m.put("status", e.status().code());
    m.put("version", e.version());
    m.put("url", Links.record(e.id()));
    return m;
  }

  // ---- one record ----------------------------------------------------------------------------

  /** A record by id; sealed types (testimony) never show here, whatever the id. */
  private EntityRecord requireRecord(String id) {
    return workspace
        .records()
        .find(id)
        .filter(e -> schema.findType(e.type()).map(t -> !t.sealed()).orElse(false))
        .orElseThrow(() -> VigilException.notFound("record " + id));
  }

  private void recordPage(Context ctx) {
    String id = ctx.pathParam("id");
    EntityRecord e = requireRecord(id);
    String live = workspace.records().resolve(id);
    if (!live.equals(id)) {
      ctx.redirect(Links.record(live));
      return;
    }
    views.render(ctx, "records/show.jte", page(e, lang(ctx), true));
  }

  /**
   * @param forms whether to fill the page's forms (merge candidates, the claim form and its
   *     datalist of records); the API sends none of them
   */
  private RecordPageView page(EntityRecord stored, String lang, boolean forms) {
    EntityRecord e = workspace.review().withDerivedStatus(stored);
    ClaimViews claimViews = new ClaimViews(workspace, lang);
    RecordType type = schema.type(e.type());
    List<Claim> about = workspace.claims().about(e.id());
    Map<String, List<ClaimView>> byPredicate = new LinkedHashMap<>();
    Map<String, int[]> sources = new LinkedHashMap<>();
    for (Claim c : about) {
      ClaimView v = claimViews.of(c);
      byPredicate.computeIfAbsent(c.predicate(), k -> new ArrayList<>()).add(v);
      for (ClaimView.SpanView s : v.spans()) {
        sources.computeIfAbsent(s.sourceId(), k -> new int[1])[0]++;
      }
    }
    List<RecordPageView.Property> properties = new ArrayList<>();
    for (PropertySpec p : type.properties()) {
      properties.add(
          new RecordPageView.Property(
              p.name(), p.label(lang), byPredicate.getOrDefault(p.name(), List.of())));
    }
    byPredicate.forEach(
        (predicate, claims) -> {
          if (type.property(predicate).isEmpty()) {
            properties.add(new RecordPageView.Property(predicate, predicate, claims));
          }
        });
    List<RecordPageView.Relation> relations = new ArrayList<>();
    for (Claim c : workspace.claims().pointingAt(e.id())) {
      if (c.subjectId() == null) {
        continue;
      }
      Optional<EntityRecord> subject = claimViews.record(c.subjectId());
      String predicateLabel =
          subject
              .flatMap(s -> schema.findType(s.type()))
              .flatMap(t -> t.property(c.predicate()))
              .map(p -> p.label(lang))
              .orElse(c.predicate());
      relations.add(
          new RecordPageView.Relation(
              c.id(),
              c.subjectId(),
              subject.map(EntityRecord::label).orElse(c.subjectId()),
              Links.record(c.subjectId()),
              predicateLabel,
              c.status().code(),
              claimViews.statusLabel(c.status())));
    }
    List<RecordPageView.SourceRef> sourceRefs = new ArrayList<>();
    sources.forEach(
        (sid, n) ->
            sourceRefs.add(
                new RecordPageView.SourceRef(sid, claimViews.title(sid), Links.source(sid), n[0])));
    List<AuditRecord> events = new ArrayList<>(workspace.auditLog().history(e.id()));
    for (Claim c : about) {
      events.addAll(workspace.auditLog().history(c.id()));
    }
    events.sort(Comparator.comparingLong(AuditRecord::seq));
    List<RecordPageView.AuditRow> audit = new ArrayList<>();
    for (AuditRecord a : events) {
      audit.add(
          new RecordPageView.AuditRow(
              a.seq(),
              a.at(),
              a.event().actor(),
              a.event().action(),
              a.event().subject(),
              a.event().reason()));
    }
    return new RecordPageView(
        e,
        type.label(lang),
        statusLabel(e.status(), lang),
        properties,
        relations,
        sourceRefs,
        audit,
        forms ? mergeCandidates(e) : List.of(),
        forms ? ClaimFormView.forRecord(e, workspace.review(), lang, Links.record(e.id())) : null);
  }

  /**
   * Records of the same type sharing a word (or, for Chinese, the first characters) of the label.
   */
  private List<Option> mergeCandidates(EntityRecord e) {
    Set<String> probes = new LinkedHashSet<>();
    String folded = Text.fold(e.label());
    for (String w : folded.split("[\\s,()（）、·]+")) {
      if (w.codePointCount(0, w.length()) >= 3) {
        probes.add(w);
      } else if (w.codePointCount(0, w.length()) == 2
          && Character.isIdeographic(w.codePointAt(0))) {
        probes.add(w);
      }
    }
    if (!folded.isEmpty() && Character.isIdeographic(folded.codePointAt(0))) {
      probes.add(folded.substring(0, Math.min(folded.length(), 2)));
    }
    Map<String, Option> out = new LinkedHashMap<>();
    for (String probe : probes) {
      for (EntityRecord c : workspace.review().findRecords(probe, e.type(), 20)) {
        if (!c.id().equals(e.id()) && out.size() < 10) {
          out.putIfAbsent(c.id(), new Option(c.id(), c.label()));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private void recordApi(Context ctx) {
    String id = ctx.pathParam("id");
    requireRecord(id);
    String live = workspace.records().resolve(id);
    recordJson(ctx, requireRecord(live), id.equals(live) ? null : id);
  }

  private void recordJson(Context ctx, EntityRecord e) {
    recordJson(ctx, e, null);
  }

  private void recordJson(Context ctx, EntityRecord e, @Nullable String mergedFrom) {
    RecordPageView v = page(e, lang(ctx), false);
    Map<String, Object> out = summary(v.record());
    if (mergedFrom != null) {
      out.put("requested", mergedFrom);
      out.put("mergedInto", e.id());
    }
    out.put("typeLabel", v.typeLabel());
    out.put("created", e.created());
    out.put("updated", e.updated());
    List<ClaimView> claims = new ArrayList<>();
    v.properties().forEach(p -> claims.addAll(p.claims()));
    out.put("claims", claims);
    out.put("relationships", v.relations());
    out.put("sources", v.sources());
    out.put("history", v.audit());
    ctx.json(out);
  }

  // ---- changes -------------------------------------------------------------------------------

  private EntityRecord relabel(Context ctx) {
    RequestInput in = RequestInput.of(ctx);
    requireRecord(ctx.pathParam("id"));
    return workspace
        .review()
        .relabel(
            ctx.pathParam("id"),
            in.integer("version"),
            in.text("label"),
            Web.actor(ctx),
            in.text("reason"));
  }

  /** Merges this record (the duplicate) into {@code into} (the survivor); returns the survivor. */
  private EntityRecord merge(Context ctx) {
    RequestInput in = RequestInput.of(ctx);
    String duplicate = requireRecord(ctx.pathParam("id")).id();
    int version = in.integer("version");
    String into = in.text("into");
    if (into.isEmpty()) {
      throw VigilException.invalid("into", "choose the record this one is a copy of");
    }
    if (into.equals(duplicate)) {
      throw VigilException.invalid("into", "a record cannot be merged into itself");
    }
    EntityRecord survivor =
        workspace
            .records()
            .find(into)
            .filter(e -> schema.findType(e.type()).map(t -> !t.sealed()).orElse(false))
            .orElseThrow(() -> VigilException.invalid("into", "no record " + into));
    int survivorVersion =
        in.text("intoVersion").isEmpty() ? survivor.version() : in.integer("intoVersion");
    workspace
        .review()
        .merge(into, survivorVersion, duplicate, version, Web.actor(ctx), in.text("reason"));
    return requireRecord(into);
  }

  private Claim status(Context ctx) {
    RequestInput in = RequestInput.of(ctx);
    String to = in.text("status");
    if (to.isEmpty()) {
      throw VigilException.invalid("status", "choose the new status");
    }
    return workspace
        .review()
        .setStatus(
            ctx.pathParam("id"),
            in.integer("version"),
            ClaimStatus.ofCode(to.toLowerCase(Locale.ROOT)),
            Web.actor(ctx),
            in.text("reason"));
  }

  private Claim addSpan(Context ctx) {
    RequestInput in = RequestInput.of(ctx);
    String claimId = ctx.pathParam("id");
    workspace.claims().require(claimId);
    String sourceId = in.text("sourceId");
    SourceRecord source =
        workspace
            .sources()
            .find(sourceId)
            .filter(s -> s.id().equals(sourceId))
            .orElseThrow(() -> VigilException.invalid("sourceId", "no source " + sourceId));
    int start = in.integer("start");
    int end = in.integer("end");
    String quote = in.raw("quote");
    if (start < 0 || end <= start) {
      throw VigilException.invalid("start", "start must be before end");
    }
    if (quote.length() != end - start) {
      throw VigilException.invalid(
          "quote",
          "the quote has " + quote.length() + " characters but the span has " + (end - start));
    }
    workspace
        .review()
        .addSpan(
            claimId,
            new SourceSpan(sourceId, start, end, quote),
            in.list("attribution"),
            Web.actor(ctx),
            source.content().text());
    return workspace.claims().require(claimId);
  }

  private void claimJson(Context ctx, Claim c) {
    ctx.json(new ClaimViews(workspace, lang(ctx)).of(c));
  }

  /** After a form: back to the record page the claim or record is on, with a message. */
  private void redirectAfter(Context ctx, Object changed) {
    String target;
    String message;
    if (changed instanceof Claim c) {
      target =
          c.subjectId() == null
              ? "/records"
              : Links.record(workspace.records().resolve(c.subjectId())) + "#claim-" + c.id();
      message = "records.done.claim";
    } else {
      EntityRecord e = (EntityRecord) changed;
      target = Links.record(e.id());
      message = "records.done.record";
    }
    Web.flash(ctx, message);
    ctx.redirect(target);
  }

  private String statusLabel(ClaimStatus s, String lang) {
    return schema.vocabulary("claim_status").label(s.code(), lang);
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.trim();
  }

  private static int limit(Context ctx, int dflt) {
    String v = param(ctx, "limit");
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw VigilException.invalid("limit", "a whole number from 1 to 1000");
  }
}
