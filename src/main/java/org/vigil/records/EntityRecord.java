package org.vigil.records;

import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.schema.ClaimStatus;

/**
 * A record (station, organisation, place, person, incident, response) as stored: its values are its
 * claims ({@link ClaimStore}); the row holds what listing and matching need.
 *
 * @param id {@code <type>:<short id>}, e.g. {@code station:k3f9q2xa}
 * @param matchKey how a later proposal finds this record again: a gazetteer id or a folded {@code
 *     name|country}; null when records of this type are matched by their claims
 * @param version starts at 1, goes up by one with every change; updates carry the version read
 */
public record EntityRecord(
    String id,
    String type,
    String label,
    @Nullable String matchKey,
    ClaimStatus status,
    int version,
    Stamp created,
    Stamp updated) {
  public EntityRecord {
    Checks.notBlank(id, "id");
    Checks.notBlank(type, "type");
    Checks.notNull(label, "label");
    Checks.notNull(status, "status");
    Checks.positive(version, "version");
    Checks.notNull(created, "created");
    Checks.notNull(updated, "updated");
  }
}
