package org.vigil.web.testimony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.testimony.UnlockedCustodian;

/**
 * Custodian keys unlocked in a browser, each bound to one session (by the SHA-256 of its token) and
 * one user, held in this server's memory only: never written, never put in a cookie. A key is
 * closed (zeroed) when its custodian locks it, signs out, after {@link #IDLE} without use, when the
 * session is no longer the one presented, and when the server stops. Wrong passphrases are
 * throttled per user: after {@link #MAX_FAILURES} in a row, unlocking is refused for {@link
 * #LOCK_OUT}.
 */
final class UnlockedKeys implements AutoCloseable {
  static final Duration IDLE = Duration.ofMinutes(10);
  static final int MAX_FAILURES = 5;
  static final Duration LOCK_OUT = Duration.ofMinutes(5);

  private record Held(String user, UnlockedCustodian key, Instant lastUsed) {}

  private record Failures(int count, Instant until) {}

  private final Clock clock;
  private final Map<String, Held> held = new HashMap<>();
  private final Map<String, Failures> failures = new HashMap<>();
  private final ScheduledExecutorService sweeper;

  UnlockedKeys(Clock clock) {
    this.clock = clock;
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-testimony-key-sweeper");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, 30, 30, TimeUnit.SECONDS);
  }

  /** Keeps {@code key} for this session and user, closing any key it held before. */
  synchronized void put(String sessionToken, String user, UnlockedCustodian key) {
    Held old = held.put(hash(sessionToken), new Held(user, key, clock.instant()));
    if (old != null && old.key() != key) {
      old.key().close();
    }
    failures.remove(user);
  }

  /** The key unlocked in this session by this user, if still open; refreshes its idle time. */
  synchronized Optional<UnlockedCustodian> get(String sessionToken, String user) {
    String h = hash(sessionToken);
    Held k = held.get(h);
    if (k == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!k.user().equals(user) || k.key().isClosed() || idle(k, now)) {
      held.remove(h);
      k.key().close();
      return Optional.empty();
    }
    held.put(h, new Held(k.user(), k.key(), now));
    return Optional.of(k.key());
  }

  /** Whether this session holds an open key for this user (does not refresh the idle time). */
  synchronized boolean isUnlocked(String sessionToken, String user) {
    Held k = held.get(hash(sessionToken));
    return k != null && k.user().equals(user) && !k.key().isClosed() && !idle(k, clock.instant());
  }

  /** Closes and forgets the key of this session, if any. */
  synchronized void lock(String sessionToken) {
    Held k = held.remove(hash(sessionToken));
    if (k != null) {
      k.key().close();
    }
  }

  /** Refuses an unlock while {@code user} is locked out after too many wrong passphrases. */
  synchronized void checkNotThrottled(String user) {
    Failures f = failures.get(user);
    if (f != null && f.count() >= MAX_FAILURES && clock.instant().isBefore(f.until())) {
      throw new VigilException(
          ErrorCode.LOCKED_OUT,
          "too many wrong passphrases: try again after "
              + f.until().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
  }

  synchronized void failed(String user) {
    Failures f = failures.get(user);
    Instant now = clock.instant();
    int count =
        f == null || !now.isBefore(f.until()) && f.count() >= MAX_FAILURES ? 1 : f.count() + 1;
    failures.put(user, new Failures(count, now.plus(LOCK_OUT)));
  }

  /** How many keys are held (for tests: nothing stays after lock, sign-out or stop). */
  synchronized int size() {
    return held.size();
  }

  /** Closes keys idle for longer than {@link #IDLE}. */
  synchronized void sweep() {
    Instant now = clock.instant();
    for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
      Held k = it.next();
      if (k.key().isClosed() || idle(k, now)) {
        k.key().close();
        it.remove();
      }
    }
  }

  @Override
  public synchronized void close() {
    sweeper.shutdownNow();
    held.values().forEach(k -> k.key().close());
    held.clear();
  }

  private static boolean idle(Held k, Instant now) {
    return !now.isBefore(k.lastUsed().plus(IDLE));
  }

  private static String hash(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
