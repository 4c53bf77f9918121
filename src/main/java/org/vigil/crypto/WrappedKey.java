package org.vigil.crypto;

import org.vigil.core.Checks;

/**
 * A data key wrapped for one custodian: the ephemeral X25519 public key of this wrap (X.509
 * encoding) and the data key sealed under the key agreed with it.
 */
public record WrappedKey(byte[] ephemeralPublic, SealedBlob sealed) {
  public WrappedKey {
    Checks.notNull(ephemeralPublic, "ephemeralPublic");
    Checks.notNull(sealed, "sealed");
    ephemeralPublic = ephemeralPublic.clone();
  }
}
