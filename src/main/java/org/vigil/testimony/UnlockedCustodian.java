package org.vigil.testimony;

import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.PrivateKeyHandle;

/**
 * A custodian whose private key is in memory, from {@link KeyService#unlock}. Holds the key until
 * {@link #close()}, which zeroes it. On the command line each command unlocks for its own run only;
 * a server that keeps one open keeps the key in its memory (see docs/testimony.md).
 */
public final class UnlockedCustodian implements AutoCloseable {
  private final String name;
  private final String keyId;
  private final PrivateKeyHandle key;

  UnlockedCustodian(String name, String keyId, PrivateKeyHandle key) {
    this.name = name;
    this.keyId = keyId;
    this.key = key;
  }

  public String name() {
    return name;
  }

  /** Fingerprint of the key pair this custodian unlocked (it changes with rotation). */
  public String keyId() {
    return keyId;
  }

  public boolean isClosed() {
    return key.isClosed();
  }

  PrivateKeyHandle key() {
    if (key.isClosed()) {
      throw new VigilException(
          ErrorCode.KEYS_LOCKED, "custodian " + name + " is locked again: unlock first");
    }
    return key;
  }

  @Override
  public void close() {
    key.close();
  }

  @Override
  public String toString() {
    return "UnlockedCustodian[" + name + ", key " + keyId + "]";
  }
}
