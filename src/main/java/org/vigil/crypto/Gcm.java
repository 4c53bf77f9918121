package org.vigil.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/** AES-256-GCM with a random 96-bit nonce and a 128-bit tag, the one AEAD of this package. */
final class Gcm {
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Gcm() {}

  static SealedBlob seal(byte[] key, byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad);
      return new SealedBlob(nonce, c.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new VigilException(ErrorCode.CONFIGURATION, "AES-GCM is not available: " + e, e);
    }
  }

  /**
   * Opens a blob; any failed tag (altered ciphertext, nonce, associated data or wrong key) is
   * {@code tampered} with {@code what} in the message. The JDK's GCM releases no plaintext before
   * the tag checks.
   */
  static byte[] open(byte[] key, SealedBlob blob, byte[] aad, String what) {
    if (blob.ciphertext().length < TAG_BITS / 8) {
      throw tampered(what, new IllegalArgumentException("shorter than its tag"));
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, blob.nonce()));
      c.updateAAD(aad);
      return c.doFinal(blob.ciphertext());
    } catch (AEADBadTagException e) {
      throw tampered(what, e);
    } catch (GeneralSecurityException
        | IllegalArgumentException
        | java.security.ProviderException e) {
      // too short to hold a tag, or otherwise malformed: as untrustworthy as a bad tag
      throw tampered(what, e);
    }
  }

  static VigilException tampered(String what, Exception cause) {
    return new VigilException(
        ErrorCode.TAMPERED,
        what + " failed its authentication check: it was altered, is corrupt or belongs elsewhere",
        cause);
  }
}
