package org.vigil.review;

import static org.vigil.schema.ClaimStatus.ALLEGED;
import static org.vigil.schema.ClaimStatus.CONFIRMED;
import static org.vigil.schema.ClaimStatus.CORROBORATED;
import static org.vigil.schema.ClaimStatus.DISPUTED;
import static org.vigil.schema.ClaimStatus.PROPOSED;
import static org.vigil.schema.ClaimStatus.RETRACTED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.vigil.schema.ClaimStatus;

/**
 * The status steps a reviewer may take: proposed → alleged → corroborated → confirmed; any status →
 * disputed or retracted; disputed → alleged. Retracted is final: a source that takes a claim back
 * does not un-take it, and new evidence makes a new claim.
 */
final class Transitions {
  private static final Map<ClaimStatus, Set<ClaimStatus>> ALLOWED =
      Map.of(
          PROPOSED, EnumSet.of(ALLEGED, DISPUTED, RETRACTED),
          ALLEGED, EnumSet.of(CORROBORATED, DISPUTED, RETRACTED),
          CORROBORATED, EnumSet.of(CONFIRMED, DISPUTED, RETRACTED),
          CONFIRMED, EnumSet.of(DISPUTED, RETRACTED),
          DISPUTED, EnumSet.of(ALLEGED, RETRACTED),
          RETRACTED, EnumSet.noneOf(ClaimStatus.class));

  private Transitions() {}

  static Set<ClaimStatus> from(ClaimStatus status) {
    return ALLOWED.get(status);
  }

  /**
   * The status of two claims combined into one by a merge: the stronger along proposed → alleged →
   * corroborated → confirmed; disputed when either is disputed, since a merge answers no reviewer's
   * doubt (a reviewer moves it back to alleged). Retracted claims are never combined: a source took
   * that statement back, and new evidence makes a new claim.
   *
   * @throws IllegalArgumentException when either is retracted
   */
  static ClaimStatus combined(ClaimStatus a, ClaimStatus b) {
    if (a == RETRACTED || b == RETRACTED) {
      throw new IllegalArgumentException("retracted claims are not combined");
    }
    if (a == DISPUTED || b == DISPUTED) {
      return DISPUTED;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  static boolean allowed(ClaimStatus from, ClaimStatus to) {
    return ALLOWED.get(from).contains(to);
  }
}
