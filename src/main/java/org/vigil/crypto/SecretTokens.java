package org.vigil.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.vigil.core.Checks;

/**
 * Random bearer secrets (session tokens, CSRF tokens, API tokens, generated passwords) and the
 * digests under which they are stored. A 256-bit random token needs no salt or slow hash: SHA-256
 * of it is as hard to reverse as guessing it.
 */
public final class SecretTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  // no 0/o, 1/l/i: generated passwords are read off a screen and typed
  private static final char[] PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  private SecretTokens() {}

  /** 256 random bits as URL-safe base64 without padding (43 characters). */
  public static String random256() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * A {@link #password()} that does not contain {@code text} in any case: the account rules refuse
   * a password containing the user's name.
   */
  public static String passwordWithout(String text) {
    String avoid = text.toLowerCase(java.util.Locale.ROOT);
    String p = password();
    while (!avoid.isEmpty() && p.toLowerCase(java.util.Locale.ROOT).contains(avoid)) {
      p = password();
    }
    return p;
  }

  /**
   * A password of five groups of five characters from a 31-letter alphabet, e.g. {@code k3m9p-...}:
   * about 124 bits, easy to read off a screen.
   */
  public static String password() {
    StringBuilder b = new StringBuilder(29);
    for (int group = 0; group < 5; group++) {
      if (group > 0) {
        b.append('-');
      }
      for (int i = 0; i < 5; i++) {
        b.append(PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)]);
      }
    }
    return b.toString();
  }

  /** Lower-case hex SHA-256 of the token's UTF-8 bytes: how a token is stored and looked up. */
  public static String sha256(String token) {
    Checks.notNull(token, "token");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
