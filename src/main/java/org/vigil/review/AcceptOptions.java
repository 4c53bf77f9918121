package org.vigil.review;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reviewer adds when accepting a proposal.
 *
 * @param subjectId the record the proposal is about: for QUANTITY and DATE the subject of the new
 *     claim (null keeps it a free claim about the source's story); for STATION, ORGANIZATION, PLACE
 *     and INCIDENT an existing record to add the claims to instead of matching or creating one
 * @param predicate for QUANTITY and DATE with a subject: the property the value sets (default
 *     {@code count} and {@code date}); e.g. {@code opened} for a station
 * @param attribution who the source says said it, origin first; cited with every span the
 *     acceptance adds. Empty when the source speaks for itself.
 * @param newRecord create a new record even when an existing one matches
 */
public record AcceptOptions(
    @Nullable String subjectId,
    @Nullable String predicate,
    List<String> attribution,
    boolean newRecord) {
  public AcceptOptions {
    attribution = List.copyOf(attribution);
  }

  public static AcceptOptions none() {
    return new AcceptOptions(null, null, List.of(), false);
  }

  public static AcceptOptions about(String subjectId) {
    return new AcceptOptions(subjectId, null, List.of(), false);
  }

  public AcceptOptions withPredicate(String p) {
    return new AcceptOptions(subjectId, p, attribution, newRecord);
  }

  public AcceptOptions attributedTo(List<String> chain) {
    return new AcceptOptions(subjectId, predicate, chain, newRecord);
  }
}
