package org.vigil.web.testimony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.testimony.UnlockedCustodian;

class UnlockedKeysTest {
  static final String PASS = "a long enough passphrase";

  /** A clock the test moves by hand. */
  static final class Manual extends Clock {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path data;
  Vigil vigil;
  Manual clock = new Manual();
  UnlockedKeys keys;

  @BeforeEach
  void open() {
    vigil = Vigil.open(new VigilConfig(data));
    vigil.keys().init("carol", PASS.toCharArray(), "test");
    keys = new UnlockedKeys(clock);
  }

  @AfterEach
  void close() {
    keys.close();
    vigil.close();
  }

  UnlockedCustodian unlock() {
    return vigil.keys().unlock("carol", PASS.toCharArray());
  }

  @Test
  void aKeyServesOnlyItsSessionAndUserAndExpiresWhenIdle() {
    UnlockedCustodian k = unlock();
    keys.put("session-a", "carol", k);
    assertThat(keys.get("session-a", "carol")).containsSame(k);
    assertThat(keys.get("session-b", "carol")).isEmpty();
    assertThat(keys.isUnlocked("session-a", "carol")).isTrue();

    // use keeps it alive
    clock.now = clock.now.plus(UnlockedKeys.IDLE.minusSeconds(1));
    assertThat(keys.get("session-a", "carol")).isPresent();
    clock.now = clock.now.plus(UnlockedKeys.IDLE.minusSeconds(1));
    assertThat(keys.isUnlocked("session-a", "carol")).isTrue();
    // idle for the whole period: zeroed and gone
    clock.now = clock.now.plus(Duration.ofSeconds(2));
    assertThat(keys.isUnlocked("session-a", "carol")).isFalse();
    keys.sweep();
    assertThat(k.isClosed()).isTrue();
    assertThat(keys.size()).isZero();
    assertThat(keys.get("session-a", "carol")).isEmpty();
  }

  @Test
  void anotherUserOnTheSameSessionGetsNothingAndTheKeyIsClosed() {
    UnlockedCustodian k = unlock();
    keys.put("s", "carol", k);
    assertThat(keys.get("s", "mallory")).isEmpty();
    assertThat(k.isClosed()).isTrue();
  }

  @Test
  void lockReplaceAndCloseZeroTheKeys() {
    UnlockedCustodian first = unlock();
    keys.put("s", "carol", first);
    UnlockedCustodian second = unlock();
    keys.put("s", "carol", second);
    assertThat(first.isClosed()).isTrue();
    keys.lock("s");
    assertThat(second.isClosed()).isTrue();
    assertThat(keys.size()).isZero();

    UnlockedCustodian third = unlock();
    keys.put("t", "carol", third);
    keys.close();
    assertThat(third.isClosed()).isTrue();
    assertThat(keys.size()).isZero();
  }

  @Test
  void wrongPassphrasesAreThrottledForAWhileThenAllowedAgain() {
    for (int i = 0; i < UnlockedKeys.MAX_FAILURES - 1; i++) {
      keys.failed("carol");
    }
    keys.checkNotThrottled("carol");
    keys.failed("carol");
    assertThatThrownBy(() -> keys.checkNotThrottled("carol"))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCKED_OUT));
    keys.checkNotThrottled("dave");
    clock.now = clock.now.plus(UnlockedKeys.LOCK_OUT);
    keys.checkNotThrottled("carol");
    // a success clears the count
    keys.failed("carol");
    keys.put("s", "carol", unlock());
    for (int i = 0; i < UnlockedKeys.MAX_FAILURES - 1; i++) {
      keys.failed("carol");
    }
    keys.checkNotThrottled("carol");
  }
}
