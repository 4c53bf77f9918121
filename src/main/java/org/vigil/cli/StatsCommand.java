package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.export.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "stats",
    description = {
      "Stations by host country and by operating agency; incidents by tactic, year and host country.",
      "Each figure lists the claims behind it. Only alleged, corroborated and confirmed claims count."
    })
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  record StatsView(List<Statistics.Table> tables) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      List<Statistics.Table> tables = Statistics.of(vigil.snapshot());
      if (common.json) {
        Json.line(out, new StatsView(tables));
        return 0;
      }
      print(out, tables);
      return 0;
    }
  }

  static void print(PrintWriter out, List<Statistics.Table> tables) {
    for (Statistics.Table t : tables) {
      out.printf("%s (total %d)%n", t.name().replace('_', ' '), t.total());
      if (t.rows().isEmpty()) {
        out.println("  (none)");
      }
      for (Statistics.Figure f : t.rows()) {
        out.printf(
            "  %-40s %4d   claims: %s%n",
            Terminal.cut(f.key(), 40), f.count(), Terminal.cut(String.join(" ", f.claimIds()), 60));
      }
    }
    out.flush();
  }
}
