package org.vigil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.audit.AuditHead;
import org.vigil.audit.AuditRecord;
import org.vigil.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    description = "The append-only, hash-chained log of every change.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class, AuditCommand.History.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      description = {
        "Re-compute the chain and name the first edited, deleted, inserted or reordered event.",
        "Give --head (from 'vigil audit head', kept elsewhere) to also detect a cut-off tail.",
        "Exit status: 0 when the chain verifies, 1 otherwise."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--head", paramLabel = "SEQ:HASH", description = "The head recorded earlier.")
    @Nullable String head;

    record VerifyView(
        long checked,
        boolean passed,
        @Nullable Long firstBadSeq,
        @Nullable String problem,
        String message) {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      AuditHead expected = head == null ? null : AuditHead.parse(head);
      try (Vigil vigil = common.open()) {
        AuditVerification v = vigil.auditLog().verify(expected);
        if (common.json) {
          Json.line(
              out,
              new VerifyView(v.checked(), v.passed(), v.firstBadSeq(), v.problem(), v.message()));
        } else {
          out.println(v.message());
          out.flush();
        }
        return v.passed() ? 0 : 1;
      }
    }
  }

  @Command(name = "head", description = "Print the last event's SEQ:HASH, to keep outside Vigil.")
  static final class Head implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    record HeadView(long seq, String hash) {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        AuditHead h = vigil.auditLog().head();
        if (common.json) {
          Json.line(out, new HeadView(h.seq(), h.hash()));
        } else {
          out.println(h);
          out.flush();
        }
        return 0;
      }
    }
  }

  @Command(
      name = "history",
      description = "Events about one subject (e.g. claim:12), oldest first.")
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "SUBJECT")
    String subject;

    record EventView(
        long seq,
        String at,
        String actor,
        String action,
        String subject,
        @Nullable String before,
        @Nullable String after,
        String reason,
        String hash) {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        for (AuditRecord r : vigil.auditLog().history(subject)) {
          if (common.json) {
            Json.line(
                out,
                new EventView(
                    r.seq(),
                    r.at().toString(),
                    r.event().actor(),
                    r.event().action(),
                    r.event().subject(),
                    r.event().before(),
                    r.event().after(),
                    r.event().reason(),
                    r.hash()));
          } else {
            out.printf(
                "%d  %s  %-10s %-18s %s%n",
                r.seq(),
                r.at(),
                r.event().actor(),
                r.event().action(),
                r.event().reason().isEmpty() ? "" : "— " + r.event().reason());
          }
        }
        out.flush();
        return 0;
      }
    }
  }
}
