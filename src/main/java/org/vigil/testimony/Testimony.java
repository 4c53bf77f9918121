package org.vigil.testimony;

import java.time.Instant;
import java.util.List;
import org.vigil.core.Checks;

/**
 * An unsealed testimony, as a custodian reads it. Keep it in memory only: never log, index, write
 * or export it.
 *
 * @param createdBy who took the testimony in (an investigator, not the witness)
 */
public record Testimony(
    String id,
    Instant created,
    String createdBy,
    String pseudonym,
    String account,
    List<Attachment> attachments,
    Consent consent,
    List<String> incidentIds) {
  public Testimony {
    Checks.notBlank(id, "id");
    Checks.notNull(created, "created");
    Checks.notBlank(createdBy, "createdBy");
    Checks.notNull(pseudonym, "pseudonym");
    Checks.notNull(account, "account");
    Checks.notNull(consent, "consent");
    attachments = List.copyOf(attachments);
    incidentIds = List.copyOf(incidentIds);
  }

  @Override
  public String toString() {
    // records print every field; this one must never end up in a log by accident
    return "Testimony[" + id + ", sealed content not shown]";
  }
}
