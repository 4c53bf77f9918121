package org.vigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.core.VigilException;
import org.vigil.records.Claim;
import org.vigil.records.ClaimSpan;
import org.vigil.records.EntityRecord;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.records.StatusChange;
import org.vigil.review.AcceptOptions;
import org.vigil.review.AcceptResult;
import org.vigil.review.Support;
import org.vigil.schema.ClaimStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil review}: the reviewer's side. Every change names the reviewer ({@code --as}) and is
 * an audit event. {@code --version} makes a change conditional on the version the reviewer read; a
 * stale version is refused with a conflict error naming what changed.
 */
@Command(
    name = "review",
    description = "List, accept, edit and reject proposals; change claim statuses; merge records.",
    subcommands = {
      ReviewCommand.ListOpen.class,
      ReviewCommand.Accept.class,
      ReviewCommand.Edit.class,
      ReviewCommand.Reject.class,
      ReviewCommand.Status.class,
      ReviewCommand.Merge.class,
      ReviewCommand.Records.class,
      ReviewCommand.Show.class
    })
final class ReviewCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Who decides, and on which version. */
  static final class Decision {
    @Option(names = "--as", required = true, paramLabel = "NAME", description = "The reviewer.")
    String reviewer;

    @Option(names = "--reason", defaultValue = "", paramLabel = "TEXT", description = "Why.")
    String reason;

    @Option(
        names = "--version",
        paramLabel = "V",
        description = "The version you read (default: the current one).")
    @Nullable Integer version;
  }

  record AcceptView(
      String proposal,
      String status,
      @Nullable String record,
      List<String> created,
      List<String> claims) {
    static AcceptView of(AcceptResult r) {
      return new AcceptView(
          r.proposal().id(), r.proposal().status().code(), r.recordId(), r.created(), r.claimIds());
    }
  }

  @Command(name = "list", description = "Open proposals (like 'vigil proposals --status open').")
  static final class ListOpen implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        for (ProposalRecord p :
            vigil.review().list(new ProposalFilter(null, null, ProposalStatus.OPEN, 10_000))) {
          if (common.json) {
            Json.line(out, ProposalsCommand.ProposalView.of(p));
          } else {
            out.printf(
                "%s  %-12s %s  «%s»%n",
                p.id(),
                p.proposal().kind().code(),
                Terminal.cut(ProposalsCommand.fields(p.proposal().fields()), 70),
                Terminal.cut(p.proposal().span().quote(), 50));
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "accept",
      description = "Accept a proposal: creates or updates records and claims citing its span.")
  static final class Accept implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Decision decision;

    @Parameters(paramLabel = "PROPOSAL")
    String proposal;

    @Option(
        names = "--subject",
        paramLabel = "RECORD",
        description = "Attach a quantity, date or attribution to this record.")
    @Nullable String subject;

    @Option(names = "--new", description = "Create a new record even when a matching one exists.")
    boolean newRecord;

    @Override
    public Integer call() {
      try (Vigil vigil = common.open()) {
        int v = version(vigil, proposal, decision.version);
        AcceptOptions options = new AcceptOptions(subject, null, List.of(), newRecord);
        AcceptResult r =
            vigil.review().accept(proposal, v, decision.reviewer, decision.reason, options);
        printAccept(spec.commandLine().getOut(), r, common.json);
        return 0;
      }
    }
  }

  @Command(
      name = "edit",
      description = "Change fields of a proposal, then accept it (e.g. --set city=Rotterdam).")
  static final class Edit implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Decision decision;

    @Parameters(paramLabel = "PROPOSAL")
    String proposal;

    @Option(
        names = "--set",
        required = true,
        paramLabel = "FIELD=VALUE",
        description = "A field to change; repeat for more.")
    List<String> sets;

    @Option(names = "--subject", paramLabel = "RECORD")
    @Nullable String subject;

    @Override
    public Integer call() {
      Map<String, List<String>> changed = new LinkedHashMap<>();
      for (String s : sets) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
          throw VigilException.invalid("set", "'" + s + "' is not FIELD=VALUE");
        }
        changed
            .computeIfAbsent(s.substring(0, eq).trim(), k -> new ArrayList<>())
            .add(s.substring(eq + 1).trim());
      }
      try (Vigil vigil = common.open()) {
        int v = version(vigil, proposal, decision.version);
        AcceptResult r =
            vigil
                .review()
                .edit(
                    proposal,
                    v,
                    decision.reviewer,
                    changed,
                    decision.reason,
                    new AcceptOptions(subject, null, List.of(), false));
        printAccept(spec.commandLine().getOut(), r, common.json);
        return 0;
      }
    }
  }

  @Command(
      name = "reject",
      description = "Reject a proposal; nothing is recorded but the decision.")
  static final class Reject implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Decision decision;

    @Parameters(paramLabel = "PROPOSAL")
    String proposal;

    record RejectView(String proposal, String status) {}

    @Override
    public Integer call() {
      try (Vigil vigil = common.open()) {
        int v = version(vigil, proposal, decision.version);
        ProposalRecord p = vigil.review().reject(proposal, v, decision.reviewer, decision.reason);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
          Json.line(out, new RejectView(p.id(), p.status().code()));
        } else {
          out.println("rejected " + p.id());
          out.flush();
        }
        return 0;
      }
    }
  }

  @Command(
      name = "status",
      description =
          "Change a claim's status: alleged, corroborated, confirmed (needs --reason), disputed, retracted.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Decision decision;

    @Parameters(paramLabel = "CLAIM")
    String claim;

    @Option(names = "--to", required = true, paramLabel = "STATUS")
    String to;

    record StatusView(String claim, String status, int version) {}

    @Override
    public Integer call() {
      ClaimStatus target;
      try {
        target = ClaimStatus.ofCode(to);
      } catch (IllegalArgumentException e) {
        throw VigilException.invalid("to", "'" + to + "' is not a claim status");
      }
      try (Vigil vigil = common.open()) {
        int v =
            decision.version != null
                ? decision.version
                : vigil
                    .claims()
                    .find(claim)
                    .orElseThrow(() -> VigilException.notFound("claim " + claim))
                    .version();
        Claim c = vigil.review().setStatus(claim, v, target, decision.reviewer, decision.reason);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
          Json.line(out, new StatusView(c.id(), c.status().code(), c.version()));
        } else {
          out.printf("%s is now %s (version %d)%n", c.id(), c.status().code(), c.version());
          out.flush();
        }
        return 0;
      }
    }
  }

  @Command(
      name = "merge",
      description =
          "Merge DUPLICATE into SURVIVOR: every claim and source moves, both histories are kept.")
  static final class Merge implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--as", required = true, paramLabel = "NAME")
    String reviewer;

    @Option(names = "--reason", defaultValue = "", paramLabel = "TEXT")
    String reason;

    @Parameters(index = "0", paramLabel = "SURVIVOR")
    String survivor;

    @Parameters(index = "1", paramLabel = "DUPLICATE")
    String duplicate;

    @Override
    public Integer call() {
      try (Vigil vigil = common.open()) {
        EntityRecord s =
            vigil
                .records()
                .find(survivor)
                .orElseThrow(() -> VigilException.notFound("record " + survivor));
        EntityRecord d =
            vigil
                .records()
                .find(duplicate)
                .orElseThrow(() -> VigilException.notFound("record " + duplicate));
        vigil.review().merge(s.id(), s.version(), d.id(), d.version(), reviewer, reason);
        spec.commandLine().getOut().println("merged " + d.id() + " into " + s.id());
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  record RecordView(String id, String type, String label, String status, int version) {
    static RecordView of(EntityRecord e) {
      return new RecordView(e.id(), e.type(), e.label(), e.status().code(), e.version());
    }
  }

  @Command(
      name = "records",
      description =
          "List records of one type (station, organization, place, person, incident, response).")
  static final class Records implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--type", defaultValue = "station", paramLabel = "T")
    String type;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        for (EntityRecord stored : vigil.records().list(type)) {
          EntityRecord e = vigil.review().withDerivedStatus(stored);
          if (common.json) {
            Json.line(out, RecordView.of(e));
          } else {
            out.printf("%-28s %-10s %s%n", e.id(), e.status().code(), e.label());
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  record ClaimView(
      String id,
      String predicate,
      @Nullable String value,
      String status,
      int version,
      int documents,
      int origins,
      String support,
      List<SpanView> spans,
      List<HistoryView> history) {}

  record SpanView(String source, int start, int end, String quote, List<String> attribution) {}

  /**
   * @param takenOn the claim the step was taken on when that claim was later combined into this one
   *     by a merge; null for the claim's own steps
   */
  record HistoryView(
      @Nullable String from,
      String to,
      String by,
      String at,
      String reason,
      @Nullable String takenOn) {}

  record ShowView(RecordView record, List<ClaimView> claims) {}

  @Command(
      name = "show",
      description =
          "A record with each claim, its support (N documents, K independent origins), spans and status history.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "RECORD")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        EntityRecord e =
            vigil
                .review()
                .withDerivedStatus(
                    vigil
                        .records()
                        .find(id)
                        .orElseThrow(() -> VigilException.notFound("record " + id)));
        List<ClaimView> views = new ArrayList<>();
        for (Claim c : vigil.claims().about(e.id())) {
          Support s = vigil.review().support(c.id());
          List<SpanView> spans = new ArrayList<>();
          for (ClaimSpan sp : vigil.claims().spans(c.id())) {
            spans.add(
                new SpanView(
                    sp.span().sourceId(),
                    sp.span().start(),
                    sp.span().end(),
                    sp.span().quote(),
                    sp.attribution()));
          }
          List<HistoryView> history = new ArrayList<>();
          for (StatusChange h : vigil.claims().history(c.id())) {
            history.add(
                new HistoryView(
                    h.from() == null ? null : h.from().code(),
                    h.to().code(),
                    h.by().actor(),
                    h.by().at().toString(),
                    h.reason(),
                    h.claimId().equals(c.id()) ? null : h.claimId()));
          }
          String value =
              c.object() instanceof org.vigil.records.ClaimObject.Ref r
                  ? vigil.records().find(r.entityId()).map(EntityRecord::label).orElse(r.entityId())
                  : c.object().display();
          views.add(
              new ClaimView(
                  c.id(),
                  c.predicate(),
                  value,
                  c.status().code(),
                  c.version(),
                  s.documents(),
                  s.origins(),
                  s.describe(),
                  spans,
                  history));
        }
        if (common.json) {
          Json.line(out, new ShowView(RecordView.of(e), views));
          return 0;
        }
        out.printf("%s  %s  [%s]%n", e.id(), e.label(), e.status().code());
        for (ClaimView c : views) {
          out.printf(
              "  %-12s %-40s %-12s %s  (%s)%n",
              c.predicate(),
              Terminal.cut(String.valueOf(c.value()), 40),
              c.status(),
              c.id(),
              c.support());
          for (SpanView sp : c.spans()) {
            out.printf(
                "      «%s» — %s [%d,%d)%s%n",
                Terminal.cut(sp.quote(), 80),
                sp.source(),
                sp.start(),
                sp.end(),
                sp.attribution().isEmpty() ? "" : "  via " + String.join(" → ", sp.attribution()));
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  static int version(Vigil vigil, String proposalId, @Nullable Integer given) {
    if (given != null) {
      return given;
    }
    return vigil
        .proposals()
        .find(proposalId)
        .orElseThrow(() -> VigilException.notFound("proposal " + proposalId))
        .version();
  }

  static void printAccept(PrintWriter out, AcceptResult r, boolean json) {
    if (json) {
      Json.line(out, AcceptView.of(r));
    } else {
      out.printf(
          "accepted %s → %s (new: %s; claims: %s)%n",
          r.proposal().id(),
          r.recordId(),
          String.join(", ", r.created()),
          String.join(", ", r.claimIds()));
    }
    out.flush();
  }
}
