package org.vigil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "sources",
    description = "List every source: id, title, language, publisher, date, hash, cluster.")
final class SourcesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      long[] n = {0};
      vigil
          .sources()
          .forEachSummary(
              s -> {
                n[0]++;
                if (common.json) {
                  Json.line(out, Views.SourceView.of(s));
                } else {
                  out.printf(
                      "%s  %-8s %-10s %-22s %s%n",
                      s.id(),
                      s.language(),
                      s.published() == null ? "-" : s.published(),
                      Terminal.cut(s.publisher() == null ? "-" : s.publisher(), 22),
                      Terminal.cut(s.title() == null ? "(untitled)" : s.title(), 70)
                          + (s.clusterId().equals(s.id())
                              ? ""
                              : "  [cluster " + s.clusterId() + "]"));
                }
              });
      if (!common.json) {
        out.println(n[0] + " sources");
      }
      out.flush();
      return 0;
    }
  }
}
