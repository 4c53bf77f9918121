package org.vigil.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.records.AuditStore;
import org.vigil.records.Database;

/**
 * The append-only, hash-chained log of every change to records, claims and statuses. Appends join
 * the caller's open transaction ({@link Database#inTransaction}), so a change and its event commit
 * together or not at all.
 *
 * <p>Each event's hash covers its seq, time, fields and the previous event's hash ({@link
 * ChainHash} describes the exact encoding); the first event's previous hash is 64 zeros. {@link
 * #verify()} walks the chain and names the first event that is altered, missing, inserted or
 * reordered. Events cut off the end leave a valid chain; {@link #verify(AuditHead)} catches that
 * against a head the caller kept.
 */
public final class AuditLog {
  private final Database db;
  private final AuditStore store;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = Checks.notNull(db, "db");
    this.clock = Checks.notNull(clock, "clock");
    this.store = new AuditStore(db);
  }

  /**
   * Appends one event and returns it as stored.
   *
   * <p>Appends are serialised by the database's lock, which {@link Database#inTransaction} holds
   * for the whole transaction, so reading the head and inserting after it cannot interleave with
   * another append. The head is read from the table each time rather than cached: a caller's
   * transaction that rolls back takes its events with it, and a cached head would then point at an
   * event that no longer exists. A second process appending to the same file cannot fork the chain
   * either: seq is the primary key, so one of two inserts at the same seq fails.
   */
  public AuditRecord append(AuditEvent event) {
    Checks.notNull(event, "event");
    AuditStore.Change change =
        new AuditStore.Change(
            event.actor(),
            event.action(),
            event.subject(),
            event.before(),
            event.after(),
            event.reason());
    return db.inTransaction(
        () -> {
          Optional<AuditStore.Row> last = store.last();
          long seq = last.map(r -> r.seq() + 1).orElse(1L);
          String previous = last.map(AuditStore.Row::hash).orElse(ChainHash.GENESIS);
          Instant at = clock.instant();
          // The hash covers the stored text of the time, so hash exactly the text we store.
          String atText = at.toString();
          String hash = ChainHash.of(seq, atText, change, previous);
          store.insert(new AuditStore.Row(seq, atText, change, previous, hash));
          return new AuditRecord(seq, at, event, previous, hash);
        });
  }

  /** Events about one subject, oldest first; empty when there are none. */
  public List<AuditRecord> history(String subject) {
    Checks.notNull(subject, "subject");
    return store.history(subject).stream().map(AuditLog::toRecord).toList();
  }

  /** The latest {@code limit} events, newest first (the dashboard's recent activity). */
  public List<AuditRecord> recent(int limit) {
    Checks.positive(limit, "limit");
    long last = store.last().map(AuditStore.Row::seq).orElse(0L);
    List<AuditRecord> rows =
        new java.util.ArrayList<>(
            store.page(Math.max(0, last - limit), limit).stream().map(AuditLog::toRecord).toList());
    java.util.Collections.reverse(rows);
    return rows;
  }

  /** The current end of the chain, to keep for a later {@link #verify(AuditHead)}. */
  public AuditHead head() {
    return store
        .last()
        .map(r -> new AuditHead(r.seq(), r.hash()))
        .orElse(new AuditHead(0, ChainHash.GENESIS));
  }

  /**
   * Re-computes the chain; names the first event that does not verify. Cannot detect events cut off
   * the end (see {@link #verify(AuditHead)}).
   */
  public AuditVerification verify() {
    return new ChainVerifier(store).verify(null);
  }

  /**
   * Re-computes the chain and also checks it still reaches {@code expected}, a head taken earlier
   * with {@link #head()}: the event at {@code expected.seq()} must exist and have that hash. The
   * log may have grown since.
   */
  public AuditVerification verify(@Nullable AuditHead expected) {
    return new ChainVerifier(store).verify(expected);
  }

  private static AuditRecord toRecord(AuditStore.Row r) {
    AuditStore.Change c = r.change();
    return new AuditRecord(
        r.seq(),
        Instant.parse(r.at()),
        new AuditEvent(c.actor(), c.action(), c.subject(), c.before(), c.after(), c.reason()),
        r.previousHash(),
        r.hash());
  }
}
