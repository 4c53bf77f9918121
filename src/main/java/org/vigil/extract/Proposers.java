package org.vigil.extract;

import java.util.List;
import org.vigil.schema.Proposal;

/**
 * The registry of proposal extractors and the one entry point for proposals: every extractor runs
 * over the text, results are ordered by span start. Proposals are suggestions only.
 */
public final class Proposers {
  /** All standard proposal extractors over the given gazetteer. */
  public static Proposers standard(Gazetteer gazetteer) {
    throw new UnsupportedOperationException("proposers: being implemented");
  }

  /** Never throws on hostile or odd text; returns an empty list when nothing is found. */
  public List<Proposal> propose(ProposalInput input) {
    throw new UnsupportedOperationException();
  }
}
