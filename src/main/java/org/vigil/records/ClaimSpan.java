package org.vigil.records;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.schema.SourceSpan;

/**
 * One piece of evidence for a claim: the words of one source, and who that source says said them.
 *
 * @param attribution origin first, then each relaying party; empty when the source speaks for
 *     itself
 * @param proposalId the proposal it was accepted from, if any
 */
public record ClaimSpan(
    long id,
    String claimId,
    SourceSpan span,
    List<String> attribution,
    @Nullable String proposalId,
    Stamp added) {
  public ClaimSpan {
    Checks.notBlank(claimId, "claimId");
    Checks.notNull(span, "span");
    attribution = List.copyOf(attribution);
    Checks.notNull(added, "added");
  }
}
