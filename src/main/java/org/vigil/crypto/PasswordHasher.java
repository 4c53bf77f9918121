package org.vigil.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.vigil.core.Checks;

/**
 * Argon2id password hashes in the PHC string form {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in unpadded standard base64), the
 * form other Argon2 tools read. Verification re-derives with the parameters stored in the string,
 * so hashes made with older parameters keep verifying; {@link #needsRehash} says when to upgrade
 * one.
 */
public final class PasswordHasher {
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Argon2id cost parameters.
   *
   * @param memoryKib memory in KiB (OWASP: 19456)
   * @param iterations passes over memory (OWASP: 2)
   * @param parallelism lanes (OWASP: 1)
   */
  public record Params(int memoryKib, int iterations, int parallelism) {
    /** The OWASP password storage recommendation for Argon2id. */
    public static final Params OWASP = new Params(19_456, 2, 1);

    public Params {
      Checks.check(
          parallelism >= 1 && parallelism <= 16, "parallelism must be 1..16, not " + parallelism);
      Checks.check(
          memoryKib >= 8 * parallelism && memoryKib <= 4 * 1024 * 1024,
          "memoryKib must be 8*parallelism..4194304, not " + memoryKib);
      Checks.check(iterations >= 1 && iterations <= 100, "iterations must be 1..100");
    }
  }

  private final Params params;

  public PasswordHasher(Params params) {
    this.params = Checks.notNull(params, "params");
  }

  public Params params() {
    return params;
  }

  /** A fresh salted hash of {@code password} in PHC form. */
  public String hash(String password) {
    Checks.notNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, params, HASH_BYTES);
    return "$argon2id$v=19$m="
        + params.memoryKib()
        + ",t="
        + params.iterations()
        + ",p="
        + params.parallelism()
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /**
   * Whether {@code password} matches {@code encoded}, compared in constant time. False for a string
   * that is not an Argon2id PHC hash (a damaged row never lets anyone in).
   */
  public boolean verify(String password, String encoded) {
    Checks.notNull(password, "password");
    Optional<Parsed> p = parse(encoded);
    if (p.isEmpty()) {
      return false;
    }
    byte[] actual = derive(password, p.get().salt, p.get().params, p.get().hash.length);
    return MessageDigest.isEqual(actual, p.get().hash);
  }

  /** Whether {@code encoded} was made with other parameters than this hasher's (or is damaged). */
  public boolean needsRehash(String encoded) {
    return parse(encoded).map(p -> !p.params.equals(params)).orElse(true);
  }

  private record Parsed(Params params, byte[] salt, byte[] hash) {}

  private static Optional<Parsed> parse(String encoded) {
    Matcher m = PHC.matcher(encoded);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Params params =
          new Params(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      byte[] salt = B64D.decode(m.group(4));
      byte[] hash = B64D.decode(m.group(5));
      if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
        return Optional.empty();
      }
      return Optional.of(new Parsed(params, salt, hash));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] derive(String password, byte[] salt, Params params, int length) {
    Argon2Parameters p =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(params.memoryKib())
            .withIterations(params.iterations())
            .withParallelism(params.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(p);
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(pw, out);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
    return out;
  }
}
