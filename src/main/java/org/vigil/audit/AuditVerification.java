package org.vigil.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of re-computing the chain.
 *
 * @param checked how many events verified, counting from seq 1, before the first bad one (all of
 *     them when passed)
 * @param firstBadSeq the sequence number of the first event that fails, or null when all verify
 * @param problem what is wrong there, or null when passed:
 *     <ul>
 *       <li>{@code altered}: the event's content no longer matches its own hash (edited);
 *       <li>{@code missing}: events were deleted; {@code firstBadSeq} is the first deleted seq,
 *           whose content is gone, and the message names the event that follows the hole;
 *       <li>{@code inserted}: an event that was not written by the log where it stands (forged with
 *           a valid-looking hash, or a copy of another event);
 *       <li>{@code reordered}: an intact event moved to another position;
 *       <li>{@code truncated}: fewer events than the expected head the caller kept;
 *       <li>{@code rewritten}: the event at the expected head's seq has another hash (the log was
 *           rebuilt from there or earlier).
 *     </ul>
 *
 * @param message one sentence for people, naming seq, actor and action of the bad event
 */
public record AuditVerification(
    long checked,
    boolean passed,
    @Nullable Long firstBadSeq,
    @Nullable String problem,
    String message) {

  static AuditVerification ok(long checked, String message) {
    return new AuditVerification(checked, true, null, null, message);
  }

  static AuditVerification bad(long checked, long firstBadSeq, String problem, String message) {
    return new AuditVerification(checked, false, firstBadSeq, problem, message);
  }
}
