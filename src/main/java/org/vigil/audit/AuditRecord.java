package org.vigil.audit;

import java.time.Instant;
import org.vigil.core.Checks;

/**
 * An event as stored: {@code hash} is SHA-256 over the sequence number, time, the event's fields
 * and {@code previousHash}, so editing, deleting, inserting or reordering any event breaks the
 * chain from that event on.
 */
public record AuditRecord(
    long seq, Instant at, AuditEvent event, String previousHash, String hash) {
  public AuditRecord {
    Checks.check(seq >= 1, "seq starts at 1");
    Checks.notNull(at, "at");
    Checks.notNull(event, "event");
    Checks.notNull(previousHash, "previousHash");
    Checks.notBlank(hash, "hash");
  }
}
