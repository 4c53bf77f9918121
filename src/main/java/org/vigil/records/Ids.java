package org.vigil.records;

import java.security.SecureRandom;

/**
 * Short random ids. Random rather than a sequence so that records made in two copies of a database
 * (two investigators offline) do not collide when their work is combined.
 */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private Ids() {}

  /** {@code prefix:} and 10 characters from an unambiguous alphabet (50 bits). */
  static String next(String prefix) {
    StringBuilder b = new StringBuilder(prefix).append(':');
    for (int i = 0; i < 10; i++) {
      b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }
}
