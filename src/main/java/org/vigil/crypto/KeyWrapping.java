package org.vigil.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.vigil.core.Checks;

/**
 * Wraps a data key for a custodian's public key: an ephemeral X25519 key pair per wrap, the shared
 * secret through HKDF-SHA256 (salt = ephemeral public key ‖ recipient public key, info = a label
 * and the context) into an AES-256-GCM key, and the data key sealed under it with the context as
 * associated data. Only public keys are needed, so intake works with no custodian present.
 */
public final class KeyWrapping {
  private static final byte[] LABEL = "vigil key wrap v1".getBytes(StandardCharsets.US_ASCII);

  private KeyWrapping() {}

  /**
   * @param recipientPublic the custodian's X.509-encoded X25519 public key
   * @param context what the key belongs to (e.g. the record id): a wrapped key copied to another
   *     record fails to unwrap there
   */
  public static WrappedKey wrap(DataKey key, byte[] recipientPublic, byte[] context) {
    Checks.notNull(key, "key");
    Checks.notNull(recipientPublic, "recipientPublic");
    Checks.notNull(context, "context");
    byte[][] eph = X25519.generate();
    byte[] shared = null;
    byte[] kek = null;
    try {
      shared =
          X25519.agree(
              eph[1],
              X25519.publicKey(recipientPublic, "custodian public key"),
              "custodian public key");
      kek = derive(shared, eph[0], recipientPublic, context);
      return new WrappedKey(eph[0], Gcm.seal(kek, key.bytes(), context));
    } finally {
      X25519.zero(eph[1], shared, kek);
    }
  }

  /** The data key, or {@code tampered} if the wrap, its context or the key pair do not match. */
  static DataKey unwrap(
      byte[] privateScalar, byte[] recipientPublic, WrappedKey wrapped, byte[] context) {
    byte[] shared = null;
    byte[] kek = null;
    try {
      shared =
          X25519.agree(
              privateScalar,
              X25519.publicKey(wrapped.ephemeralPublic(), "wrapped data key"),
              "wrapped data key");
      kek = derive(shared, wrapped.ephemeralPublic(), recipientPublic, context);
      byte[] raw = Gcm.open(kek, wrapped.sealed(), context, "wrapped data key");
      if (raw.length != DataKey.LENGTH) {
        X25519.zero(raw);
        throw Gcm.tampered("wrapped data key", new IllegalStateException("wrong key length"));
      }
      return DataKey.adopt(raw);
    } finally {
      X25519.zero(shared, kek);
    }
  }

  private static byte[] derive(
      byte[] shared, byte[] ephPublic, byte[] recipientPublic, byte[] ctx) {
    byte[] salt = concat(ephPublic, recipientPublic);
    byte[] info = concat(LABEL, new byte[] {0}, ctx);
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(shared, salt, info));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
