package org.vigil.review;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.records.ProposalRecord;

/**
 * What accepting a proposal did.
 *
 * @param recordId the main record it made or added to (the station, organisation, place, incident);
 *     null for a free claim
 * @param created ids of records created, in order (e.g. the place before the station)
 * @param claimIds every claim it created or added a span to
 */
public record AcceptResult(
    ProposalRecord proposal,
    @Nullable String recordId,
    List<String> created,
    List<String> claimIds) {
  public AcceptResult {
    created = List.copyOf(created);
    claimIds = List.copyOf(claimIds);
  }
}
