package org.vigil.web.review;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.EntityRecord;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.SourceRecord;
import org.vigil.review.AcceptOptions;
import org.vigil.review.AcceptResult;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;
import org.vigil.web.Access;
import org.vigil.web.Views;
import org.vigil.web.Web;
import org.vigil.web.Workspace;

/**
 * The review queue and claims from a selection: {@code /review} and its decision forms, {@code
 * /claims}, and their {@code /api/v1} JSON.
 */
public final class ReviewController {
  /** Characters of context shown on each side of a quote. */
  static final int CONTEXT = 80;

  private final Workspace workspace;
  private final Views views;

  public ReviewController(Workspace workspace, Views views) {
    this.workspace = workspace;
    this.views = views;
  }

  public void register(JavalinDefaultRoutingApi r) {
    r.get("/review", this::queue, Access.READ);
    r.post("/review/{id}/accept", ctx -> decidePage(ctx, "accept"), Access.EDIT);
    r.post("/review/{id}/edit", ctx -> decidePage(ctx, "edit"), Access.EDIT);
    r.post("/review/{id}/reject", ctx -> decidePage(ctx, "reject"), Access.EDIT);
    r.post("/claims", this::claimPage, Access.EDIT);
    r.get("/api/v1/proposals", this::listApi, Access.READ);
    r.post("/api/v1/proposals/{id}/accept", ctx -> decideApi(ctx, "accept"), Access.EDIT);
    r.post("/api/v1/proposals/{id}/edit", ctx -> decideApi(ctx, "edit"), Access.EDIT);
    r.post("/api/v1/proposals/{id}/reject", ctx -> decideApi(ctx, "reject"), Access.EDIT);
    r.post("/api/v1/claims", this::claimApi, Access.EDIT);
  }

  // ---- queue ---------------------------------------------------------------------------------

  private void queue(Context ctx) {
    QueueFilter filter = QueueFilter.parse(query(ctx), QueueFilter.PAGE_SIZE);
    List<ProposalRecord> matching = matching(filter);
    int from = Math.min(matching.size(), (filter.page() - 1) * filter.size());
    int to = Math.min(matching.size(), from + filter.size());
    Map<String, Optional<SourceRecord>> sources = new HashMap<>();
    List<QueueView.Row> rows = new ArrayList<>();
    for (ProposalRecord p : matching.subList(from, to)) {
      rows.add(row(p, sources));
    }
    List<String> kinds = new ArrayList<>();
    for (ProposalKind k : ProposalKind.values()) {
      kinds.add(k.code());
    }
    List<Option> records =
        rows.stream().anyMatch(QueueView.Row::needsSubject)
            ? ClaimFormView.recordOptions(
                workspace.review().findRecords("", null, ClaimFormView.DATALIST))
            : List.of();
    views.render(
        ctx, "review/queue.jte", new QueueView(filter, rows, matching.size(), kinds, records));
  }

  private List<ProposalRecord> matching(QueueFilter f) {
    List<ProposalRecord> all =
        workspace.review().list(new ProposalFilter(f.source(), f.kind(), f.status(), 1_000_000));
    if (f.minConfidence() <= 0) {
      return all;
    }
    return all.stream().filter(p -> p.proposal().confidence() >= f.minConfidence()).toList();
  }

  private QueueView.Row row(ProposalRecord p, Map<String, Optional<SourceRecord>> sources) {
    Proposal proposal = p.proposal();
    List<QueueView.Field> fields = new ArrayList<>();
    proposal.fields().forEach((k, v) -> fields.add(new QueueView.Field(k, String.join("; ", v))));
    List<Option> suggestions = new ArrayList<>();
    ProposalKind kind = proposal.kind();
    if (p.status() == org.vigil.records.ProposalStatus.OPEN
        && (kind == ProposalKind.STATION
            || kind == ProposalKind.ORGANIZATION
            || kind == ProposalKind.PLACE)) {
      for (EntityRecord e : workspace.review().suggest(p.id())) {
        suggestions.add(new Option(e.id(), e.label()));
      }
    }
    return new QueueView.Row(
        p.id(),
        p.version(),
        kind.code(),
        proposal.confidence(),
        fields,
        context(proposal.span(), sources),
        Links.sourceAt(p.sourceId(), "proposal-" + p.id()),
        suggestions,
        kind == ProposalKind.QUANTITY || kind == ProposalKind.DATE);
  }

  /** The quote with a few words either side, from the source's clean text as stored. */
  private QueueView.Context context(SourceSpan span, Map<String, Optional<SourceRecord>> sources) {
    Optional<SourceRecord> source = sources.computeIfAbsent(span.sourceId(), id -> exactSource(id));
    String title =
        source
            .map(s -> s.metadata().title())
            .filter(t -> t != null && !t.isBlank())
            .orElse(span.sourceId());
    String text = source.map(s -> s.content().text()).orElse("");
    if (span.end() > text.length()
        || !text.regionMatches(span.start(), span.quote(), 0, span.quote().length())) {
      return new QueueView.Context(span.sourceId(), title, "", span.quote(), "");
    }
    int from = Math.max(0, span.start() - CONTEXT);
    String before = text.substring(from, span.start());
    if (from > 0) {
      int cut = firstSpace(before);
      before = "…" + (cut >= 0 && cut < before.length() / 2 ? before.substring(cut + 1) : before);
    }
    int to = Math.min(text.length(), span.end() + CONTEXT);
    String after = text.substring(span.end(), to);
    if (to < text.length()) {
      int cut = lastSpace(after);
      after = (cut > after.length() / 2 ? after.substring(0, cut) : after) + "…";
    }
    return new QueueView.Context(span.sourceId(), title, before, span.quote(), after);
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastSpace(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private Optional<SourceRecord> exactSource(String id) {
    return workspace.sources().find(id).filter(s -> s.id().equals(id));
  }

  // ---- decisions -----------------------------------------------------------------------------

  /** What one accept, edit or reject did. */
  record Outcome(ProposalRecord proposal, @Nullable AcceptResult result) {}

  private Outcome decide(Context ctx, String action) {
    String id = ctx.pathParam("id");
    RequestInput in = RequestInput.of(ctx);
    int version = in.integer("version");
    String reason = in.text("reason");
    String reviewer = Web.actor(ctx);
    switch (action) {
      case "reject" -> {
        if (reason.isEmpty()) {
          throw VigilException.invalid("reason", "say why the proposal is rejected");
        }
        return new Outcome(workspace.review().reject(id, version, reviewer, reason), null);
      }
      case "accept" -> {
        AcceptResult r = workspace.review().accept(id, version, reviewer, reason, options(in));
        return new Outcome(r.proposal(), r);
      }
      default -> {
        Map<String, List<String>> changed = changedFields(id, in.fields());
        AcceptResult r =
            changed.isEmpty()
                ? workspace.review().accept(id, version, reviewer, reason, options(in))
                : workspace.review().edit(id, version, reviewer, changed, reason, options(in));
        return new Outcome(r.proposal(), r);
      }
    }
  }

  /** Only the fields that differ from the proposal's: an unchanged edit form is an accept. */
  private Map<String, List<String>> changedFields(String id, Map<String, List<String>> sent) {
    Map<String, List<String>> current =
        workspace.proposals().find(id).map(p -> p.proposal().fields()).orElse(Map.of());
    Map<String, List<String>> changed = new LinkedHashMap<>();
    sent.forEach(
        (k, v) -> {
          if (!k.matches("[A-Za-z][A-Za-z0-9_]{0,40}")) {
            throw VigilException.invalid("fields", "'" + k + "' is not a field name");
          }
          if (!v.equals(current.getOrDefault(k, List.of()))) {
            changed.put(k, v);
          }
        });
    return changed;
  }

  private static AcceptOptions options(RequestInput in) {
    String subject = in.text("subjectId");
    boolean newRecord = in.flag("newRecord");
    if (subject.equals("_new")) {
      subject = "";
      newRecord = true;
    }
    return new AcceptOptions(
        subject.isEmpty() ? null : subject,
        in.optional("predicate"),
        in.list("attribution"),
        newRecord);
  }

  private void decidePage(Context ctx, String action) {
    Outcome o = decide(ctx, action);
    Web.flash(ctx, "review.done." + action);
    String back = Web.safeNext(ctx.formParam("back"));
    ctx.redirect(back.equals("/") ? "/review" : back);
  }

  private void decideApi(Context ctx, String action) {
    Outcome o = decide(ctx, action);
    Map<String, Object> out = proposalJson(o.proposal(), new HashMap<>());
    if (o.result() != null) {
      out.put("recordId", o.result().recordId());
      out.put("created", o.result().created());
      out.put("claimIds", o.result().claimIds());
    }
    ctx.json(out);
  }

  private void listApi(Context ctx) {
    QueueFilter filter = QueueFilter.parse(query(ctx), 100);
    List<ProposalRecord> matching = matching(filter);
    int from = Math.min(matching.size(), (filter.page() - 1) * filter.size());
    int to = Math.min(matching.size(), from + filter.size());
    Map<String, Optional<SourceRecord>> sources = new HashMap<>();
    List<Map<String, Object>> items = new ArrayList<>();
    for (ProposalRecord p : matching.subList(from, to)) {
      items.add(proposalJson(p, sources));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", matching.size());
    out.put("page", filter.page());
    out.put("limit", filter.size());
    out.put("items", items);
    ctx.json(out);
  }

  private Map<String, Object> proposalJson(
      ProposalRecord p, Map<String, Optional<SourceRecord>> sources) {
    QueueView.Row row = row(p, sources);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("source", p.sourceId());
    out.put("kind", p.proposal().kind().code());
    out.put("status", p.status().code());
    out.put("version", p.version());
    out.put("confidence", p.proposal().confidence());
    out.put("fields", p.proposal().fields());
    out.put("start", p.proposal().span().start());
    out.put("end", p.proposal().span().end());
    out.put("quote", p.proposal().span().quote());
    out.put("before", row.context().before());
    out.put("after", row.context().after());
    out.put(
        "suggestions",
        row.suggestions().stream().map(s -> Map.of("id", s.value(), "label", s.label())).toList());
    out.put("decidedBy", p.decided() == null ? null : p.decided().actor());
    out.put("decidedAt", p.decided() == null ? null : p.decided().at());
    out.put("reason", p.reason());
    out.put("results", p.resultIds());
    return out;
  }

  // ---- claims from a selection ---------------------------------------------------------------

  private Claim assertClaim(Context ctx) {
    RequestInput in = RequestInput.of(ctx);
    String sourceId = in.text("sourceId");
    SourceRecord source =
        exactSource(sourceId)
            .orElseThrow(() -> VigilException.invalid("sourceId", "no source " + sourceId));
    int start = in.integer("start");
    int end = in.integer("end");
    String quote = in.raw("quote");
    if (start < 0 || end <= start) {
      throw VigilException.invalid("start", "select some words: start must be before end");
    }
    if (quote.length() != end - start) {
      throw VigilException.invalid(
          "quote",
          "the quote has "
              + quote.length()
              + " characters but the span "
              + start
              + ".."
              + end
              + " has "
              + (end - start)
              + "; select the text again");
    }
    String subjectId = in.text("subjectId");
    EntityRecord subject =
        workspace
            .records()
            .find(subjectId.isEmpty() ? "" : workspace.records().resolve(subjectId))
            .orElseThrow(
                () ->
                    VigilException.invalid(
                        "subjectId",
                        subjectId.isEmpty()
                            ? "choose the record the claim is about"
                            : "no record " + subjectId));
    String predicate = in.text("predicate");
    ClaimObject value = workspace.review().valueFor(subject.type(), predicate, in.text("value"));
    return workspace
        .review()
        .assertClaim(
            subject.id(),
            predicate,
            value,
            new SourceSpan(sourceId, start, end, quote),
            source.content().text(),
            in.list("attribution"),
            Web.actor(ctx),
            in.text("reason"));
  }

  private void claimPage(Context ctx) {
    Claim c = assertClaim(ctx);
    Web.flash(ctx, "review.done.claim");
    String back = Web.safeNext(ctx.formParam("back"));
    ctx.redirect(back.equals("/") && c.subjectId() != null ? Links.record(c.subjectId()) : back);
  }

  private void claimApi(Context ctx) {
    Claim c = assertClaim(ctx);
    ctx.status(201);
    ctx.json(new ClaimViews(workspace, Web.messages(ctx).language()).of(c));
  }

  static Map<String, String> query(Context ctx) {
    Map<String, String> q = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
    return q;
  }
}
