package org.vigil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reindex", description = "Rebuild the search index from the store.")
final class ReindexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  record ReindexView(long indexed) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      long n = vigil.ingest().reindex();
      if (common.json) {
        Json.line(out, new ReindexView(n));
      } else {
        out.println("indexed " + n + " sources");
        out.flush();
      }
      return 0;
    }
  }
}
