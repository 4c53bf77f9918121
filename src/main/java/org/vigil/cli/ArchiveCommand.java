package org.vigil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.ingest.ArchiveVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "archive",
    description = "Work with the archive of originals.",
    subcommands = {ArchiveCommand.Verify.class})
final class ArchiveCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      description = {
        "Re-hash every stored original; report missing or altered files.",
        "Exit status: 0 when all verify, 1 otherwise."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        ArchiveVerifier.Report r = vigil.archiveVerifier().verify();
        if (common.json) {
          Json.line(
              out,
              new Views.VerifyView(
                  r.checked(),
                  r.ok(),
                  r.passed(),
                  r.problems().stream()
                      .map(
                          p ->
                              new Views.ProblemView(
                                  p.sourceId(),
                                  p.hash().hex(),
                                  p.check().name().toLowerCase(Locale.ROOT)))
                      .toList()));
        } else {
          out.printf(
              "checked %d originals: %d ok, %d problems%n",
              r.checked(), r.ok(), r.problems().size());
          r.problems()
              .forEach(
                  p ->
                      out.printf(
                          "  %s %s  %s%n",
                          p.check().name().toLowerCase(Locale.ROOT), p.sourceId(), p.hash().hex()));
          out.flush();
        }
        return r.passed() ? 0 : 1;
      }
    }
  }
}
