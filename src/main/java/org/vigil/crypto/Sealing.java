package org.vigil.crypto;

import org.vigil.core.Checks;

/**
 * Authenticated encryption of one record's parts under its {@link DataKey}. The associated data
 * ({@code aad}) is not secret but must be the same to open as to seal: callers put the record's id,
 * version and part name there, so a blob moved to another record or part fails to open.
 */
public final class Sealing {
  private Sealing() {}

  public static SealedBlob seal(DataKey key, byte[] plaintext, byte[] aad) {
    Checks.notNull(key, "key");
    Checks.notNull(plaintext, "plaintext");
    Checks.notNull(aad, "aad");
    return Gcm.seal(key.bytes(), plaintext, aad);
  }

  /**
   * The plaintext, or {@code tampered} naming {@code what} when the blob, its nonce or {@code aad}
   * differ from what was sealed, or the key is not the one it was sealed with.
   */
  public static byte[] open(DataKey key, SealedBlob blob, byte[] aad, String what) {
    Checks.notNull(key, "key");
    Checks.notNull(blob, "blob");
    Checks.notNull(aad, "aad");
    return Gcm.open(key.bytes(), blob, aad, what);
  }
}
