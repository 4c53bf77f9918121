package org.vigil.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/**
 * Proposes the dates and periods a text states. Relative ones ("last October", "去年") are resolved
 * against the publication date and left out when the source has none.
 */
final class DateProposer implements ProposalExtractor {
  private static Map<String, List<String>> fields(TemporalParser.Found f) {
    Map<String, List<String>> m = new LinkedHashMap<>(); // stable field order for reviewers
    m.put("date", List.of(f.date().iso()));
    m.put("precision", List.of(f.date().precision().code()));
    return m;
  }

  @Override
  public List<Proposal> propose(ProposalInput input) {
    try {
      List<Proposal> out = new ArrayList<>();
      for (TemporalParser.Found f :
          TemporalParser.findNormalized(TextNorm.of(input.text()), input.published(), false)) {
        out.add(
            new Proposal(
                ProposalKind.DATE,
                SourceSpan.of(input.sourceId(), input.text(), f.start(), f.end()),
                fields(f),
                f.relative() ? 0.6 : 0.8));
      }
      return out;
    } catch (RuntimeException | StackOverflowError e) {
      // java.util.regex recurses on group repetitions; every pattern here is bounded, so this
      // is a last guard for the never-throw contract, not an expected path.
      return List.of(); // contract: never throw; a missed rule case proposes nothing
    }
  }
}
