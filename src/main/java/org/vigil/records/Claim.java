package org.vigil.records;

import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.schema.ClaimStatus;

/**
 * One statement sources make: subject, predicate, object. Its evidence is its spans ({@link
 * ClaimStore#spans}).
 *
 * @param subjectId the record it is about; null for a free claim about a source's story (e.g. "at
 *     least 102 stations")
 * @param predicate a property of the subject's record type, or for free claims {@code quantity},
 *     {@code date}, {@code attribution}
 */
public record Claim(
    String id,
    @Nullable String subjectId,
    String predicate,
    ClaimObject object,
    ClaimStatus status,
    int version,
    Stamp created,
    Stamp updated) {
  public Claim {
    Checks.notBlank(id, "id");
    Checks.notBlank(predicate, "predicate");
    Checks.notNull(object, "object");
    Checks.notNull(status, "status");
    Checks.positive(version, "version");
    Checks.notNull(created, "created");
    Checks.notNull(updated, "updated");
  }
}
