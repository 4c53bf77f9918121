package org.vigil.web;

import java.util.function.Supplier;
import org.vigil.export.Snapshot;

/**
 * The record as of the latest audit event. Every change to records, claims and statuses appends an
 * audit event, so the head's sequence number is an exact version: pages reuse one snapshot until
 * something changes instead of rebuilding it per request.
 */
public final class SnapshotCache {
  private final Workspace workspace;
  private long version = -1;
  private Snapshot snapshot = new Snapshot(java.util.List.of(), java.util.List.of());

  public SnapshotCache(Workspace workspace) {
    this.workspace = workspace;
  }

  public synchronized Snapshot get() {
    long head = workspace.auditLog().head().seq();
    long sources = workspace.sources().count();
    long v = head * 1_000_003L + sources;
    if (v != version) {
      snapshot = workspace.snapshot();
      version = v;
    }
    return snapshot;
  }

  /** For callers that want a supplier. */
  public Supplier<Snapshot> supplier() {
    return this::get;
  }
}
