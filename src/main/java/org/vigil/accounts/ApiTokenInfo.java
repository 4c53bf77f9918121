package org.vigil.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * An API token as listed: never the token itself.
 *
 * @param lastUsed when it last authenticated a request (to the minute), null if never
 */
public record ApiTokenInfo(
    String id,
    String userName,
    String label,
    Instant created,
    @Nullable Instant lastUsed,
    boolean revoked) {
  public ApiTokenInfo {
    Checks.notBlank(id, "id");
    Checks.notBlank(userName, "userName");
    Checks.notNull(label, "label");
    Checks.notNull(created, "created");
  }
}
