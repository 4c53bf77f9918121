package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.records.SourceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "duplicates",
    description =
        "List story clusters: exact and near-duplicate sources (syndicated copies, reposts, script variants).")
final class DuplicatesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      Map<String, List<SourceSummary>> clusters = vigil.sources().duplicateClusters();
      for (Map.Entry<String, List<SourceSummary>> e : clusters.entrySet()) {
        List<SourceSummary> members = e.getValue();
        if (common.json) {
          Json.line(
              out,
              new Views.ClusterView(
                  e.getKey(), members.size(), members.stream().map(Views.SourceView::of).toList()));
        } else {
          out.printf("cluster %s (%d sources)%n", e.getKey(), members.size());
          for (SourceSummary s : members) {
            out.printf(
                "  %s  %-8s %-22s %s%n",
                s.id(),
                s.language(),
                Terminal.cut(s.publisher() == null ? "-" : s.publisher(), 22),
                Terminal.cut(s.title() == null ? "(untitled)" : s.title(), 70));
          }
        }
      }
      if (!common.json) {
        out.println(
            clusters.size() + " cluster" + (clusters.size() == 1 ? "" : "s") + " with duplicates");
      }
      out.flush();
      return 0;
    }
  }
}
