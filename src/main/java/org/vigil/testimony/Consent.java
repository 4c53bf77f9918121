package org.vigil.testimony;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * What the witness agreed to. Sealed with the testimony.
 *
 * @param quoteAllowed may the account be quoted (never with the pseudonym in public releases)
 * @param contactAllowed may investigators contact the witness again
 * @param contactChannel how, when contact is allowed (e.g. "Signal via the caseworker"); null
 *     otherwise
 * @param shareWith named partners the testimony may be shared with; empty for none
 */
public record Consent(
    boolean quoteAllowed,
    boolean contactAllowed,
    @Nullable String contactChannel,
    List<String> shareWith) {
  public Consent {
    Checks.notNull(shareWith, "shareWith");
    shareWith = List.copyOf(shareWith);
    if (contactChannel != null && contactChannel.isBlank()) {
      contactChannel = null;
    }
  }

  /** Nothing allowed. */
  public static Consent none() {
    return new Consent(false, false, null, List.of());
  }
}
