package org.vigil.audit;

import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.vigil.records.AuditStore;
import org.vigil.records.AuditStore.Row;

/**
 * Walks the log in seq order and explains the first event that does not verify. One use per
 * verification: it keeps the walk's state in fields.
 *
 * <p>An event is good when its seq follows the previous good event's, its own hash matches its
 * content, and its previous hash is the previous good event's hash. The first event that is not
 * good is classified:
 *
 * <ul>
 *   <li>a seq hole before it: {@code missing}, reported at the first missing seq (its content is
 *       gone; the message names the event after the hole);
 *   <li>a seq below the expected one (0 or negative): {@code inserted};
 *   <li>own hash valid but not chained to the previous event: {@code reordered} if its previous
 *       hash is some other event's hash, else {@code inserted};
 *   <li>own hash invalid: if the content hashes correctly under a nearby seq s, the intact event
 *       was moved from s. Moved later (s lower): events were {@code inserted} before it, reported
 *       at s (the forged events between s and here chain among themselves, so only this event shows
 *       it). Moved earlier (s higher): {@code reordered} when its original predecessor still
 *       exists, else {@code missing} (deleted, then renumbered to hide the hole). No such s: {@code
 *       altered}.
 * </ul>
 */
final class ChainVerifier {
  /**
   * How far from its current seq to look for the seq a moved event was written with. Swaps and
   * shifts by a few inserted or deleted events are close; the bound keeps the search cheap when the
   * event was simply edited and no seq will match.
   */
  static final int MOVE_SEARCH = 1000;

  private final AuditStore store;
  private long checked;
  private String previousHash = ChainHash.GENESIS;
  private @Nullable AuditVerification failure;

  ChainVerifier(AuditStore store) {
    this.store = store;
  }

  AuditVerification verify(@Nullable AuditHead expected) {
    store.forEachInOrder(row -> step(row, expected));
    if (failure != null) {
      return failure;
    }
    if (expected != null && checked < expected.seq()) {
      return AuditVerification.bad(
          checked,
          checked + 1,
          "truncated",
          "the log ends at seq "
              + checked
              + " but the expected head is seq "
              + expected.seq()
              + ": "
              + range(checked + 1, expected.seq())
              + " cut off the end");
    }
    return AuditVerification.ok(
        checked,
        checked
            + " events verify"
            + (expected == null ? "" : " and the log reaches the expected head " + expected));
  }

  /** Checks one row; returns false (to stop the walk) at the first bad one. */
  private boolean step(Row row, @Nullable AuditHead expected) {
    long want = checked + 1;
    if (row.seq() > want) {
      fail(
          want,
          "missing",
          range(want, row.seq() - 1)
              + " missing (deleted): "
              + (checked == 0
                  ? "the log starts with "
                  : "after seq " + checked + " it goes on with ")
              + describe(row));
      return false;
    }
    if (row.seq() < want) {
      fail(row.seq(), "inserted", describe(row) + " was inserted: the log starts at seq 1");
      return false;
    }
    boolean ownHashOk = ChainHash.of(row, row.seq()).equals(row.hash());
    if (ownHashOk && row.previousHash().equals(previousHash)) {
      if (expected != null && row.seq() == expected.seq() && !row.hash().equals(expected.hash())) {
        fail(
            row.seq(),
            "rewritten",
            describe(row)
                + " has hash "
                + row.hash()
                + ", not the expected head's "
                + expected.hash()
                + ": the log was rebuilt from this event or earlier");
        return false;
      }
      checked++;
      previousHash = row.hash();
      return true;
    }
    if (ownHashOk) {
      explainUnchained(row);
    } else {
      explainBadHash(row);
    }
    return false;
  }

  private void explainUnchained(Row row) {
    Optional<Row> claimed = store.findByHash(row.previousHash());
    if (claimed.isPresent()) {
      fail(
          row.seq(),
          "reordered",
          describe(row)
              + " was written to follow seq "
              + claimed.get().seq()
              + ", not seq "
              + checked
              + ": events were reordered");
    } else {
      fail(
          row.seq(),
          "inserted",
          describe(row)
              + " has a valid hash of its own but does not follow seq "
              + checked
              + ": it was inserted (forged)");
    }
  }

  private void explainBadHash(Row row) {
    OptionalLong written = writtenAs(row);
    if (written.isEmpty()) {
      fail(
          row.seq(),
          "altered",
          describe(row) + " no longer matches its hash: it was edited after it was written");
      return;
    }
    long s = written.getAsLong();
    if (s < row.seq()) {
      Optional<Row> atWritten = store.findBySeq(s);
      if (atWritten.isPresent() && atWritten.get().hash().equals(row.hash())) {
        fail(
            row.seq(),
            "inserted",
            describe(row) + " was inserted: it is a copy of the event at seq " + s);
      } else {
        // The events now at s .. row.seq()-1 chained among themselves and passed; they were forged
        // to sit where this event was written, so the first bad one is s, not this one.
        checked = s - 1;
        Row first = atWritten.orElse(row);
        fail(
            s,
            "inserted",
            describe(first)
                + " was inserted: "
                + describe(row)
                + " was written as seq "
                + s
                + " and has been pushed back by "
                + (row.seq() - s));
      }
    } else if (store.findByHash(row.previousHash()).isPresent()) {
      fail(
          row.seq(),
          "reordered",
          describe(row) + " was written as seq " + s + ": events were reordered");
    } else {
      fail(
          row.seq(),
          "missing",
          range(row.seq(), s - 1)
              + " missing: deleted, and the later events renumbered to hide it; "
              + describe(row)
              + " was written as seq "
              + s);
    }
  }

  /** The seq, other than its current one, under which this row's content matches its hash. */
  private static OptionalLong writtenAs(Row row) {
    for (long d = 1; d <= MOVE_SEARCH; d++) {
      for (long s : new long[] {row.seq() - d, row.seq() + d}) {
        if (s >= 1 && ChainHash.of(row, s).equals(row.hash())) {
          return OptionalLong.of(s);
        }
      }
    }
    return OptionalLong.empty();
  }

  private void fail(long seq, String problem, String message) {
    failure = AuditVerification.bad(checked, seq, problem, message);
  }

  static String describe(Row row) {
    return "seq "
        + row.seq()
        + " ("
        + row.change().actor()
        + ", "
        + row.change().action()
        + " on "
        + row.change().subject()
        + ")";
  }

  /** "seq 5 is" or "seq 5 to 7 are", to start a sentence about missing events. */
  private static String range(long from, long to) {
    return from == to ? "seq " + from + " is" : "seq " + from + " to " + to + " are";
  }
}
