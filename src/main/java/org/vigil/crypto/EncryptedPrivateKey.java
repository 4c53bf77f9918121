package org.vigil.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * A custodian's private key as stored: sealed with AES-256-GCM under the first 32 bytes Argon2id
 * derives from the passphrase; the next 32 bytes are kept as {@code check} so that a wrong
 * passphrase ({@code wrong_passphrase}) is told apart from an altered key ({@code tampered}). The
 * check costs an attacker exactly as much Argon2 work per guess as the sealed key itself does.
 *
 * @param salt 16 random bytes
 * @param params the Argon2id cost used
 * @param check the second half of the derived bytes
 * @param sealed the raw X25519 private scalar, sealed; the associated data binds the custodian's
 *     name and public key
 */
public record EncryptedPrivateKey(
    byte[] salt, Argon2Params params, byte[] check, SealedBlob sealed) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public EncryptedPrivateKey {
    Checks.notNull(salt, "salt");
    Checks.notNull(params, "params");
    Checks.notNull(check, "check");
    Checks.notNull(sealed, "sealed");
    salt = salt.clone();
    check = check.clone();
  }

  /** Seals {@code scalar} under {@code passphrase}; does not keep either. */
  static EncryptedPrivateKey seal(
      byte[] scalar, char[] passphrase, Argon2Params params, byte[] aad) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] derived = derive(passphrase, salt, params);
    try {
      byte[] kek = Arrays.copyOfRange(derived, 0, 32);
      try {
        return new EncryptedPrivateKey(
            salt, params, Arrays.copyOfRange(derived, 32, 64), Gcm.seal(kek, scalar, aad));
      } finally {
        Arrays.fill(kek, (byte) 0);
      }
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /**
   * The raw private scalar (the caller zeroes it).
   *
   * @throws VigilException {@code wrong_passphrase}, or {@code tampered} if the passphrase is right
   *     but the sealed key or its associated data was altered
   */
  byte[] open(char[] passphrase, byte[] aad, String custodian) {
    byte[] derived = derive(passphrase, salt, params);
    byte[] kek = Arrays.copyOfRange(derived, 0, 32);
    try {
      if (!MessageDigest.isEqual(Arrays.copyOfRange(derived, 32, 64), check)) {
        throw new VigilException(
            ErrorCode.WRONG_PASSPHRASE, "wrong passphrase for custodian " + custodian);
      }
      return Gcm.open(kek, sealed, aad, "the private key of custodian " + custodian);
    } finally {
      Arrays.fill(derived, (byte) 0);
      Arrays.fill(kek, (byte) 0);
    }
  }

  private static byte[] derive(char[] passphrase, byte[] salt, Argon2Params p) {
    byte[] pw = utf8(passphrase);
    try {
      Argon2BytesGenerator gen = new Argon2BytesGenerator();
      gen.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withMemoryAsKB(p.memoryKib())
              .withIterations(p.iterations())
              .withParallelism(p.parallelism())
              .withSalt(salt)
              .build());
      byte[] out = new byte[64];
      gen.generateBytes(pw, out);
      return out;
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }

  /** UTF-8 bytes of a passphrase without an intermediate String, so they can be zeroed. */
  static byte[] utf8(char[] chars) {
    ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] out = new byte[bb.remaining()];
    bb.get(out);
    if (bb.hasArray()) {
      Arrays.fill(bb.array(), (byte) 0);
    }
    return out;
  }
}
