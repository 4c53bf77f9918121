package org.vigil.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.export.Snapshot;

/**
 * The record as of the latest audit event. Every change to records, claims and statuses appends an
 * audit event, so the head's sequence number is an exact version: pages reuse one snapshot until
 * something changes instead of rebuilding it per request. What pages compute from a snapshot
 * (statistics, map layers, network, timeline) is kept beside it with {@link #derived}, and dropped
 * with it.
 */
public final class SnapshotCache {
  /** Derived values kept per snapshot; beyond this (e.g. many map filters) they are recomputed. */
  static final int MAX_DERIVED = 256;

  private final Workspace workspace;
  private long version = -1;
  private Current current =
      new Current(
          new Snapshot(java.util.List.of(), java.util.List.of()), new ConcurrentHashMap<>());

  /** One snapshot and what has been computed from it. */
  private record Current(Snapshot snapshot, Map<String, Object> derived) {}

  public SnapshotCache(Workspace workspace) {
    this.workspace = workspace;
  }

  public Snapshot get() {
    return current().snapshot();
  }

  private synchronized Current current() {
    long head = workspace.auditLog().head().seq();
    long sources = workspace.sources().count();
    long v = head * 1_000_003L + sources;
    if (v != version) {
      current = new Current(workspace.snapshot(), new ConcurrentHashMap<>());
      version = v;
    }
    return current;
  }

  /**
   * {@code compute} applied to the current snapshot, computed once per snapshot and {@code key}.
   * The result is shared between requests: it must not be changed by callers. {@code key} must name
   * everything besides the snapshot that the result depends on (e.g. the language).
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(String key, Function<Snapshot, T> compute) {
    Current c = current();
    Object found = c.derived().get(key);
    if (found != null) {
      return (T) found;
    }
    T value = compute.apply(c.snapshot());
    if (c.derived().size() < MAX_DERIVED) {
      c.derived().putIfAbsent(key, value);
    }
    return value;
  }

  /** For callers that want a supplier. */
  public Supplier<Snapshot> supplier() {
    return this::get;
  }
}
