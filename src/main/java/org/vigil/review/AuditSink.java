package org.vigil.review;

import org.vigil.audit.AuditEvent;

/**
 * Where the review service reports each change. In the application this is {@code
 * auditLog::append}, which joins the caller's transaction: a change and its event commit together
 * or not at all. Tests pass a double.
 */
@FunctionalInterface
public interface AuditSink {
  void record(AuditEvent event);
}
