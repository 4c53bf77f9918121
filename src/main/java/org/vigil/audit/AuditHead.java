package org.vigil.audit;

import java.util.regex.Pattern;
import org.vigil.core.Checks;

/**
 * The end of the chain at some moment: the last event's seq (which is also the number of events,
 * since seq runs 1, 2, 3 ... without gaps) and its hash. The empty log's head is seq 0 with 64
 * zeros.
 *
 * <p>A chain cannot show that events were cut off its end: the remaining prefix is a valid chain.
 * Keep a head somewhere the database's owner cannot rewrite (a printed report, a message to a
 * colleague, a second machine) and pass it to {@link AuditLog#verify(AuditHead)}; a truncated or
 * rebuilt log then fails.
 */
public record AuditHead(long seq, String hash) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public AuditHead {
    Checks.notNegative(seq, "seq");
    Checks.notNull(hash, "hash");
    Checks.check(HEX64.matcher(hash).matches(), "hash must be 64 lower-case hex digits: " + hash);
  }

  /** The head as text, {@code seq:hash}, to write down or send. */
  @Override
  public String toString() {
    return seq + ":" + hash;
  }

  /** Reads the {@link #toString()} form back. */
  public static AuditHead parse(String text) {
    Checks.notNull(text, "text");
    int colon = text.indexOf(':');
    Checks.check(colon > 0, "an audit head looks like 123:<64 hex digits>, got: " + text);
    try {
      return new AuditHead(
          Long.parseLong(text.substring(0, colon).trim()), text.substring(colon + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "an audit head looks like 123:<64 hex digits>, got: " + text, e);
    }
  }
}
