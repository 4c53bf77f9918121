package org.vigil.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * X25519 from the JDK. Public keys travel in their X.509 encoding, private keys as the raw 32-byte
 * scalar (which this package can zero; the JDK's key objects built from it for one agreement cannot
 * be zeroed and are left to the garbage collector).
 */
final class X25519 {
  private X25519() {}

  /** A new key pair: [0] = X.509 public key, [1] = raw private scalar. */
  static byte[][] generate() {
    try {
      KeyPair kp = KeyPairGenerator.getInstance("X25519").generateKeyPair();
      byte[] scalar =
          ((XECPrivateKey) kp.getPrivate())
              .getScalar()
              .orElseThrow(() -> new IllegalStateException("X25519 key without scalar"));
      return new byte[][] {kp.getPublic().getEncoded(), scalar};
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  static PublicKey publicKey(byte[] x509, String what) {
    try {
      return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(x509));
    } catch (java.security.spec.InvalidKeySpecException | IllegalArgumentException e) {
      throw Gcm.tampered(what, e);
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /** The shared secret of {@code scalar} and {@code peer}; the caller zeroes it. */
  static byte[] agree(byte[] scalar, PublicKey peer, String what) {
    try {
      PrivateKey priv =
          KeyFactory.getInstance("X25519")
              .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
      KeyAgreement ka = KeyAgreement.getInstance("X25519");
      ka.init(priv);
      ka.doPhase(peer, true);
      return ka.generateSecret();
    } catch (java.security.InvalidKeyException e) {
      // e.g. a low-order point, which gives an all-zero secret and the JDK refuses
      throw Gcm.tampered(what, e);
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  static void zero(byte[]... arrays) {
    for (byte[] a : arrays) {
      if (a != null) {
        Arrays.fill(a, (byte) 0);
      }
    }
  }

  private static VigilException unavailable(Exception e) {
    return new VigilException(ErrorCode.CONFIGURATION, "X25519 is not available: " + e, e);
  }
}
