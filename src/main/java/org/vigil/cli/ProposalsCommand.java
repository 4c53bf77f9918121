package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.core.VigilException;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.records.SourceRecord;
import org.vigil.schema.ProposalKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "proposals",
    description =
        "List what extraction proposed: kind, normalised fields and the exact words (span).")
final class ProposalsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--source", paramLabel = "ID", description = "Only this source (id or prefix).")
  @Nullable String source;

  @Option(
      names = "--kind",
      paramLabel = "K",
      description = "place, station, organization, quantity, date, attribution, incident.")
  @Nullable String kind;

  @Option(
      names = "--status",
      paramLabel = "S",
      description = "open, accepted, rejected, edited (default: all).")
  @Nullable String status;

  @Option(names = "--limit", defaultValue = "1000", paramLabel = "N")
  int limit;

  record ProposalView(
      String id,
      String source,
      String kind,
      String status,
      int version,
      Map<String, List<String>> fields,
      int start,
      int end,
      String quote,
      double confidence,
      List<String> results) {
    static ProposalView of(ProposalRecord p) {
      return new ProposalView(
          p.id(),
          p.sourceId(),
          p.proposal().kind().code(),
          p.status().code(),
          p.version(),
          p.proposal().fields(),
          p.proposal().span().start(),
          p.proposal().span().end(),
          p.proposal().span().quote(),
          p.proposal().confidence(),
          p.resultIds());
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      String sourceId =
          source == null
              ? null
              : vigil
                  .sources()
                  .find(source)
                  .map(SourceRecord::id)
                  .orElseThrow(() -> VigilException.notFound("source " + source));
      ProposalKind k = kind == null ? null : parseKind(kind);
      ProposalStatus st = status == null ? null : parseStatus(status);
      List<ProposalRecord> list = vigil.review().list(new ProposalFilter(sourceId, k, st, limit));
      for (ProposalRecord p : list) {
        if (common.json) {
          Json.line(out, ProposalView.of(p));
        } else {
          out.printf(
              "%s  %-12s %-8s %s  «%s»%n",
              p.id(),
              p.proposal().kind().code(),
              p.status().code(),
              Terminal.cut(fields(p.proposal().fields()), 70),
              Terminal.cut(p.proposal().span().quote(), 60));
        }
      }
      if (!common.json) {
        out.println(list.size() + " proposals");
      }
      out.flush();
      return 0;
    }
  }

  static String fields(Map<String, List<String>> f) {
    StringBuilder b = new StringBuilder();
    f.forEach(
        (k, v) -> {
          if (!v.isEmpty() && !v.stream().allMatch(String::isBlank)) {
            b.append(k)
                .append('=')
                .append(String.join(k.equals("chain") ? " → " : ",", v))
                .append(' ');
          }
        });
    return b.toString().trim();
  }

  static ProposalKind parseKind(String s) {
    try {
      return ProposalKind.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw VigilException.invalid("kind", "'" + s + "' is not a proposal kind");
    }
  }

  static ProposalStatus parseStatus(String s) {
    try {
      return ProposalStatus.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw VigilException.invalid(
          "status", "'" + s + "' is not open, accepted, rejected or edited");
    }
  }
}
