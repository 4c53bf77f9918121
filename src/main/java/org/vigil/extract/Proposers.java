package org.vigil.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.schema.Proposal;

/**
 * The registry of proposal extractors and the one entry point for proposals: every extractor runs
 * over the text, results are ordered by span start. Proposals are suggestions only.
 */
public final class Proposers {
  private final List<ProposalExtractor> extractors;

  private Proposers(List<ProposalExtractor> extractors) {
    this.extractors = List.copyOf(extractors);
  }

  /** All standard proposal extractors over the given gazetteer. */
  public static Proposers standard(Gazetteer gazetteer) {
    return new Proposers(
        List.of(
            new PlaceProposer(gazetteer),
            new OrganizationProposer(gazetteer),
            new StationProposer(gazetteer),
            new IncidentProposer(gazetteer),
            new QuantityProposer(),
            new DateProposer(),
            new AttributionProposer()));
  }

  /** The registered extractors, for the contract test. */
  List<ProposalExtractor> extractors() {
    return extractors;
  }

  /** Never throws on hostile or odd text; returns an empty list when nothing is found. */
  public List<Proposal> propose(ProposalInput input) {
    List<Proposal> out = new ArrayList<>();
    for (ProposalExtractor e : extractors) {
      try {
        out.addAll(e.propose(input));
      } catch (RuntimeException | StackOverflowError ex) {
        // one rule's bug must not cost the other proposals of this source
      }
    }
    out.sort(Comparator.comparingInt(p -> p.span().start()));
    return out;
  }
}
