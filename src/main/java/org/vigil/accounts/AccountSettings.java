package org.vigil.accounts;

import java.time.Duration;
import org.vigil.core.Checks;
import org.vigil.crypto.PasswordHasher;

/**
 * How long sessions live, when sign-in locks, how strong passwords must be and how costly their
 * hashes are.
 *
 * @param idleExpiry a session unused this long ends (default 30 minutes)
 * @param absoluteLife a session ends this long after sign-in however much it is used (12 hours)
 * @param lockout when repeated failed sign-ins lock a name or a client address
 * @param minPasswordLength fewest characters a password may have (12)
 * @param hashing Argon2id cost (OWASP: m=19456 KiB, t=2, p=1); tests pass cheaper ones
 */
public record AccountSettings(
    Duration idleExpiry,
    Duration absoluteLife,
    Lockout lockout,
    int minPasswordLength,
    PasswordHasher.Params hashing) {

  /**
   * Lock-out policy.
   *
   * @param maxFailures failures against one name within {@code window} that lock it (5)
   * @param maxFailuresPerAddress failures from one client address within {@code window} that lock
   *     the address (20: several people may share an office's address)
   * @param window how far back failures count (15 minutes)
   * @param duration how long a lock lasts after the failure that set it (15 minutes)
   */
  public record Lockout(
      int maxFailures, int maxFailuresPerAddress, Duration window, Duration duration) {
    public Lockout {
      Checks.positive(maxFailures, "maxFailures");
      Checks.positive(maxFailuresPerAddress, "maxFailuresPerAddress");
      positive(window, "window");
      positive(duration, "duration");
    }
  }

  public AccountSettings {
    positive(idleExpiry, "idleExpiry");
    positive(absoluteLife, "absoluteLife");
    Checks.notNull(lockout, "lockout");
    Checks.check(
        minPasswordLength >= 8, "minPasswordLength must be at least 8, not " + minPasswordLength);
    Checks.notNull(hashing, "hashing");
  }

  public static AccountSettings defaults() {
    return new AccountSettings(
        Duration.ofMinutes(30),
        Duration.ofHours(12),
        new Lockout(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)),
        12,
        PasswordHasher.Params.OWASP);
  }

  public AccountSettings withHashing(PasswordHasher.Params hashing) {
    return new AccountSettings(idleExpiry, absoluteLife, lockout, minPasswordLength, hashing);
  }

  public AccountSettings withLockout(Lockout lockout) {
    return new AccountSettings(idleExpiry, absoluteLife, lockout, minPasswordLength, hashing);
  }

  private static void positive(Duration d, String name) {
    Checks.notNull(d, name);
    Checks.check(!d.isNegative() && !d.isZero(), name + " must be positive, not " + d);
  }
}
