package org.vigil.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.vigil.core.Checks;

/**
 * A random 256-bit AES key that seals one record. Its bytes never leave this package: callers seal
 * with {@link Sealing} and wrap with {@link KeyWrapping}. {@link #close()} zeroes the key; a closed
 * key refuses to be used.
 */
public final class DataKey implements AutoCloseable {
  static final int LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] bytes;
  private boolean closed;

  private DataKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A fresh key from the system's strong random source. */
  public static DataKey random() {
    byte[] b = new byte[LENGTH];
    RANDOM.nextBytes(b);
    return new DataKey(b);
  }

  /** Takes ownership of {@code bytes} (zeroed on close). */
  static DataKey adopt(byte[] bytes) {
    Checks.check(bytes.length == LENGTH, "a data key has " + LENGTH + " bytes");
    return new DataKey(bytes);
  }

  synchronized byte[] bytes() {
    if (closed) {
      throw new IllegalStateException("data key was closed");
    }
    return bytes;
  }

  @Override
  public synchronized void close() {
    Arrays.fill(bytes, (byte) 0);
    closed = true;
  }
}
