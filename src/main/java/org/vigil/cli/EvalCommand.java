package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.extract.Evaluation;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.Proposers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "eval",
    description = {
      "Measure extraction proposals against an annotated gold file (precision, recall, F1 per kind).",
      "Repeated proposals of one value in one document count once, as the gold annotates each",
      "distinct item once per document."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--gold",
      paramLabel = "FILE",
      required = true,
      description = "gold.jsonl (documents beside it).")
  Path gold;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--misses", description = "Also list every missed and extra item.")
  boolean misses;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(gold)) {
      throw new VigilException(ErrorCode.NOT_FOUND, "gold file not found: " + gold);
    }
    PrintWriter out = spec.commandLine().getOut();
    Proposers proposers = Proposers.standard(Gazetteer.standard());
    Evaluation.Report r =
        Evaluation.evaluate(gold, proposers::propose, Evaluation.Counting.DISTINCT);
    if (json) {
      out.println(r.toJson());
    } else {
      out.print(r.toText());
      if (misses) {
        r.misses()
            .forEach(
                m -> out.printf("  %s %-18s %-3s %s%n", m.doc(), m.kind(), m.error(), m.item()));
      }
    }
    out.flush();
    return 0;
  }
}
