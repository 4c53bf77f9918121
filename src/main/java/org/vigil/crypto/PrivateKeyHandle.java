package org.vigil.crypto;

import java.util.Arrays;
import org.vigil.core.Checks;

/**
 * An unlocked custodian private key, in memory only. {@link #close()} zeroes it; a closed handle
 * refuses to unwrap. Memory of a running process is not protected: see docs/testimony.md.
 */
public final class PrivateKeyHandle implements AutoCloseable {
  private final byte[] publicKey;
  private final byte[] scalar;
  private boolean closed;

  PrivateKeyHandle(byte[] publicKey, byte[] scalar) {
    this.publicKey = publicKey.clone();
    this.scalar = scalar;
  }

  /** The matching X.509-encoded public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The data key wrapped in {@code wrapped} for this key pair under {@code context}.
   *
   * @throws org.vigil.core.VigilException {@code tampered} if anything does not match
   * @throws IllegalStateException if the handle was closed
   */
  public synchronized DataKey unwrap(WrappedKey wrapped, byte[] context) {
    Checks.notNull(wrapped, "wrapped");
    Checks.notNull(context, "context");
    if (closed) {
      throw new IllegalStateException("custodian key was locked again");
    }
    return KeyWrapping.unwrap(scalar, publicKey, wrapped, context);
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    Arrays.fill(scalar, (byte) 0);
    closed = true;
  }
}
