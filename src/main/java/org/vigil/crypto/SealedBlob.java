package org.vigil.crypto;

import org.vigil.core.Checks;

/**
 * Ciphertext (with its 16-byte GCM tag at the end) and the random 96-bit nonce it was sealed with.
 * Arrays are copied in; callers must not change the arrays they read back.
 */
public record SealedBlob(byte[] nonce, byte[] ciphertext) {
  public SealedBlob {
    Checks.notNull(nonce, "nonce");
    Checks.notNull(ciphertext, "ciphertext");
    Checks.check(nonce.length == Gcm.NONCE_BYTES, "nonce must have " + Gcm.NONCE_BYTES + " bytes");
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }
}
