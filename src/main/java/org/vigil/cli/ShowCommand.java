package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.core.VigilException;
import org.vigil.records.CaptureRecord;
import org.vigil.records.SourceRecord;
import org.vigil.records.SourceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    description = "Show one source: metadata, capture records, cluster and clean text.")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "ID",
      description = "A source id, or a unique prefix of it (at least 4 hex digits).")
  String id;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      SourceRecord s =
          vigil.sources().find(id).orElseThrow(() -> VigilException.notFound("source " + id));
      List<CaptureRecord> captures = vigil.sources().captures(s.id());
      List<String> members =
          vigil.sources().clusterMembers(s.clusterId()).stream().map(SourceSummary::id).toList();
      if (common.json) {
        Json.line(out, Views.ShowView.of(s, captures, members));
        return 0;
      }
      out.println(s.metadata().title() == null ? "(untitled)" : s.metadata().title());
      row(out, "id", s.id());
      row(out, "sha256", s.original().hash().hex());
      row(out, "media type", s.original().mediaType() + ", " + s.original().size() + " bytes");
      row(out, "language", s.content().language());
      row(out, "author", s.metadata().author());
      row(out, "publisher", s.metadata().publisher());
      row(out, "published", s.metadata().published());
      row(out, "canonical", s.metadata().canonicalUrl());
      row(
          out,
          "cluster",
          members.size() > 1 ? s.clusterId() + " (" + String.join(", ", members) + ")" : "none");
      for (String w : s.content().warnings()) {
        row(out, "warning", w);
      }
      for (CaptureRecord c : captures) {
        String http =
            c.http() == null ? "" : ", HTTP " + c.http().status() + " from " + c.http().finalUrl();
        row(out, "captured", c.retrievedAt() + " from " + c.origin().value() + http);
      }
      out.println();
      out.println(s.content().text());
      out.flush();
      return 0;
    }
  }

  private static void row(PrintWriter out, String label, Object value) {
    if (value != null) {
      out.printf("  %-11s %s%n", label, value);
    }
  }
}
