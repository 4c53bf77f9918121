package org.vigil.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ContentHash;
import org.vigil.records.AuditStore;

/**
 * The hash of one audit event: SHA-256, as 64 lower-case hex digits, over a canonical encoding of
 * the event.
 *
 * <p>The encoding is a format tag followed by the fields seq, at, actor, action, subject, before,
 * after, reason and previous hash, in that order. Each field is either {@code 0x00} (null) or
 * {@code 0x01}, a 4-byte big-endian length and that many bytes of UTF-8. Length prefixes make it
 * unambiguous: no choice of field values can shift bytes from one field into the next (with plain
 * concatenation, actor "ab" + action "c" would hash like actor "a" + action "bc"), and the null
 * marker keeps "created" (before = null) apart from "was empty" (before = ""). seq is written as
 * decimal digits and at as the stored ISO-8601 text, so nothing depends on the default locale.
 *
 * <p>Changing any of this changes every hash and makes existing logs fail verification; a new
 * encoding needs a new format tag.
 */
final class ChainHash {
  /** The previous hash of the first event. */
  static final String GENESIS = "0".repeat(64);

  private static final String FORMAT = "vigil-audit-v1";
  private static final byte NULL = 0;
  private static final byte PRESENT = 1;

  private ChainHash() {}

  static String of(long seq, String at, AuditStore.Change c, String previousHash) {
    MessageDigest d = ContentHash.newDigest();
    field(d, FORMAT);
    field(d, Long.toString(seq));
    field(d, at);
    field(d, c.actor());
    field(d, c.action());
    field(d, c.subject());
    field(d, c.before());
    field(d, c.after());
    field(d, c.reason());
    field(d, previousHash);
    return HexFormat.of().formatHex(d.digest());
  }

  static String of(AuditStore.Row r, long seq) {
    return of(seq, r.at(), r.change(), r.previousHash());
  }

  private static void field(MessageDigest d, @Nullable String value) {
    if (value == null) {
      d.update(NULL);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    d.update(PRESENT);
    d.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    d.update(bytes);
  }
}
