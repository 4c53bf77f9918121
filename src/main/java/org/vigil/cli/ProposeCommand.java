package org.vigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.core.VigilException;
import org.vigil.records.SourceRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "propose",
    description = {
      "Run proposal extraction again over stored sources (after a gazetteer or rule update).",
      "Open proposals are replaced; accepted, edited and rejected ones are kept."
    })
final class ProposeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--source",
      paramLabel = "ID",
      description = "Only this source (default: every source).")
  @Nullable String source;

  record ProposeView(String sourceId, int open) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      List<SourceRecord> targets = new ArrayList<>();
      if (source != null) {
        targets.add(
            vigil
                .sources()
                .find(source)
                .orElseThrow(() -> VigilException.notFound("source " + source)));
      } else {
        vigil.sources().forEachSource(targets::add);
      }
      for (SourceRecord s : targets) {
        int open = vigil.propose(s).size();
        if (common.json) {
          Json.line(out, new ProposeView(s.id(), open));
        } else {
          out.printf("%s  %d open proposals%n", s.id(), open);
        }
      }
      out.flush();
      return 0;
    }
  }
}
