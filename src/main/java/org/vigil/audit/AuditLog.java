package org.vigil.audit;

import java.util.List;
import org.vigil.records.Database;

/**
 * The append-only, hash-chained log of every change to records, claims and statuses. Appends join
 * the caller's open transaction ({@link Database#inTransaction}), so a change and its event commit
 * together or not at all.
 */
public final class AuditLog {
  public AuditLog(Database db, java.time.Clock clock) {
    throw new UnsupportedOperationException("audit: being implemented");
  }

  /** Appends one event and returns it as stored. */
  public AuditRecord append(AuditEvent event) {
    throw new UnsupportedOperationException();
  }

  /** Events about one subject, oldest first. */
  public List<AuditRecord> history(String subject) {
    throw new UnsupportedOperationException();
  }

  /** Re-computes the chain; names the first event that does not verify. */
  public AuditVerification verify() {
    throw new UnsupportedOperationException();
  }
}
