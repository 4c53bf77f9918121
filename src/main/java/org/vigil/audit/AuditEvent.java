package org.vigil.audit;

import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * One change, as the caller describes it. The log adds sequence number, time, previous hash and
 * hash ({@link AuditRecord}).
 *
 * @param actor who made the change (a reviewer's name or account)
 * @param action what was done, e.g. {@code proposal.accept}, {@code claim.status}, {@code
 *     record.merge}
 * @param subject the id of what changed, e.g. {@code claim:12}, {@code station:rotterdam-1}
 * @param before JSON of the state before (null when created)
 * @param after JSON of the state after (null when deleted)
 * @param reason why, as the actor gave it (may be empty)
 */
public record AuditEvent(
    String actor,
    String action,
    String subject,
    @Nullable String before,
    @Nullable String after,
    String reason) {
  public AuditEvent {
    Checks.notBlank(actor, "actor");
    Checks.notBlank(action, "action");
    Checks.notBlank(subject, "subject");
    Checks.notNull(reason, "reason");
  }
}
