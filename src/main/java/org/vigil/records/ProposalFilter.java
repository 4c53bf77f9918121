package org.vigil.records;

import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.schema.ProposalKind;

/**
 * Which proposals to list; a null criterion matches everything.
 *
 * @param limit at most this many, oldest first
 */
public record ProposalFilter(
    @Nullable String sourceId,
    @Nullable ProposalKind kind,
    @Nullable ProposalStatus status,
    int limit) {
  public ProposalFilter {
    Checks.positive(limit, "limit");
  }

  /** Open proposals of every source, up to 1000. */
  public static ProposalFilter open() {
    return new ProposalFilter(null, null, ProposalStatus.OPEN, 1000);
  }

  public static ProposalFilter ofSource(String sourceId) {
    return new ProposalFilter(sourceId, null, null, 1000);
  }
}
