package org.vigil.review;

import java.util.List;
import org.vigil.records.Claim;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.RecordType;

/**
 * A record's own status, derived from the claims that define it (its type's {@link
 * RecordType#defining} predicates: a station's city and country, an organisation's name; every
 * claim when the type names none):
 *
 * <ol>
 *   <li>the strongest status, along proposed → alleged → corroborated → confirmed, among the
 *       defining claims that are neither disputed nor retracted: a station with a confirmed city is
 *       confirmed even if a second, competing city is disputed;
 *   <li>disputed when every defining claim still standing is disputed;
 *   <li>retracted when every defining claim is retracted;
 *   <li>when the record has no defining claim (e.g. only a name), the same rule over all its
 *       claims; with no claims at all (a merged duplicate) the status it was created with.
 * </ol>
 */
public final class RecordStatus {
  private RecordStatus() {}

  /**
   * @param about the claims whose subject is the record
   * @param stored the status the record row was created with, for a record without claims
   */
  public static ClaimStatus derive(RecordType type, List<Claim> about, ClaimStatus stored) {
    List<Claim> defining =
        about.stream().filter(c -> type.defining().contains(c.predicate())).toList();
    List<Claim> basis = defining.isEmpty() ? about : defining;
    if (basis.isEmpty()) {
      return stored;
    }
    ClaimStatus best = null;
    boolean disputed = false;
    for (Claim c : basis) {
      switch (c.status()) {
        case RETRACTED -> {}
        case DISPUTED -> disputed = true;
        default -> {
          if (best == null || c.status().ordinal() > best.ordinal()) {
            best = c.status();
          }
        }
      }
    }
    if (best != null) {
      return best;
    }
    return disputed ? ClaimStatus.DISPUTED : ClaimStatus.RETRACTED;
  }
}
