package org.vigil.extract;

import java.util.List;
import org.vigil.schema.Proposal;

/**
 * Proposes one kind of fact from a text. Implementations are stateless, thread-safe, never throw on
 * any input, and give spans that point into {@code input.text()}.
 */
interface ProposalExtractor {
  List<Proposal> propose(ProposalInput input);
}
