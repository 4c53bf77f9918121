package org.vigil.records;

import org.jspecify.annotations.Nullable;

/** One field changed by one version of an entity, claim or proposal. */
public record Change(
    String subjectId,
    int version,
    String field,
    @Nullable String oldValue,
    @Nullable String newValue,
    Stamp by) {
  /** E.g. {@code status alleged → disputed by bob at 2026-01-01T10:00:00Z}. */
  public String describe() {
    return field
        + " "
        + (oldValue == null ? "(none)" : oldValue)
        + " → "
        + (newValue == null ? "(none)" : newValue)
        + " by "
        + by.actor()
        + " at "
        + by.at();
  }
}
