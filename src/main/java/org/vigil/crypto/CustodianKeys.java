package org.vigil.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vigil.core.Checks;

/**
 * Custodian key pairs: making one (the private half sealed under a passphrase at once) and
 * unlocking one into a {@link PrivateKeyHandle}.
 */
public final class CustodianKeys {
  /** The public half and the sealed private half of a new key pair. */
  public record NewKey(byte[] publicKey, EncryptedPrivateKey privateKey) {
    public NewKey {
      Checks.notNull(publicKey, "publicKey");
      Checks.notNull(privateKey, "privateKey");
      publicKey = publicKey.clone();
    }
  }

  private CustodianKeys() {}

  /**
   * A new X25519 key pair whose private half is sealed under {@code passphrase} with {@code
   * params}; the plaintext private key is zeroed before this returns.
   *
   * @param binding what the sealed private key belongs to (e.g. the custodian's name); the same
   *     bytes must be given to {@link #unlock}
   */
  public static NewKey generate(char[] passphrase, Argon2Params params, byte[] binding) {
    Checks.notNull(passphrase, "passphrase");
    Checks.check(passphrase.length > 0, "passphrase must not be empty");
    byte[][] pair = X25519.generate();
    try {
      EncryptedPrivateKey sealed =
          EncryptedPrivateKey.seal(pair[1], passphrase, params, aad(binding, pair[0]));
      return new NewKey(pair[0], sealed);
    } finally {
      X25519.zero(pair[1]);
    }
  }

  /**
   * Opens a custodian's private key into memory.
   *
   * @throws org.vigil.core.VigilException {@code wrong_passphrase}; {@code tampered} if the stored
   *     key, its public key or its binding were altered
   */
  public static PrivateKeyHandle unlock(
      String custodian,
      byte[] publicKey,
      EncryptedPrivateKey key,
      char[] passphrase,
      byte[] binding) {
    Checks.notNull(passphrase, "passphrase");
    byte[] scalar = key.open(passphrase, aad(binding, publicKey), custodian);
    return new PrivateKeyHandle(publicKey, scalar);
  }

  /** A short stable name for a public key: the first 16 hex digits of its SHA-256. */
  public static String fingerprint(byte[] publicKey) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(publicKey);
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static byte[] aad(byte[] binding, byte[] publicKey) {
    return KeyWrapping.concat(
        "vigil custodian key v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        new byte[] {0},
        java.nio.ByteBuffer.allocate(4).putInt(binding.length).array(),
        binding,
        publicKey);
  }
}
