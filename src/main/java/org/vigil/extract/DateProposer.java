package org.vigil.extract;

import java.util.ArrayList;
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
                Map.of(
                    "date", List.of(f.date().iso()),
                    "precision", List.of(f.date().precision().code())),
                f.relative() ? 0.6 : 0.8));
      }
      return out;
    } catch (RuntimeException e) {
      return List.of(); // contract: never throw; a missed rule case proposes nothing
    }
  }
}
