package org.vigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  static final PasswordHasher.Params CHEAP = new PasswordHasher.Params(64, 1, 1);
  final PasswordHasher hasher = new PasswordHasher(CHEAP);

  @Test
  void hashIsInPhcFormAndVerifiesOnlyTheSamePassword() {
    String h = hasher.hash("a long enough passphrase");
    assertThat(h)
        .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify("a long enough passphrase", h)).isTrue();
    assertThat(hasher.verify("a long enough passphrasE", h)).isFalse();
    assertThat(hasher.verify("", h)).isFalse();
  }

  @Test
  void samePasswordGetsADifferentSaltEachTime() {
    assertThat(hasher.hash("same password here")).isNotEqualTo(hasher.hash("same password here"));
  }

  /** Known answer from the reference implementation (P-H-C/phc-winner-argon2 CLI). */
  @Test
  void verifiesAHashMadeByAnotherArgon2Implementation() {
    // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e (reference implementation)
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";
    PasswordHasher other = new PasswordHasher(PasswordHasher.Params.OWASP);
    assertThat(other.verify("password", reference)).isTrue();
    assertThat(other.verify("passwore", reference)).isFalse();
  }

  @Test
  void damagedOrForeignHashesNeverVerify() {
    String h = hasher.hash("a long enough passphrase");
    assertThat(hasher.verify("a long enough passphrase", h.replace("argon2id", "argon2i")))
        .isFalse();
    assertThat(hasher.verify("a long enough passphrase", h.substring(0, h.length() - 5))).isFalse();
    assertThat(hasher.verify("x", "not a hash")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=64,t=1,p=1$!!$!!")).isFalse();
  }

  @Test
  void needsRehashWhenParametersDiffer() {
    String h = hasher.hash("a long enough passphrase");
    assertThat(hasher.needsRehash(h)).isFalse();
    assertThat(new PasswordHasher(new PasswordHasher.Params(128, 1, 1)).needsRehash(h)).isTrue();
    assertThat(hasher.needsRehash("garbage")).isTrue();
  }

  @Test
  void refusesNonsenseParameters() {
    assertThatThrownBy(() -> new PasswordHasher.Params(4, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memoryKib");
    assertThatThrownBy(() -> new PasswordHasher.Params(64, 0, 1))
        .hasMessageContaining("iterations");
  }

  @Test
  void secretTokensAre256BitUrlSafeAndDistinct() {
    String a = SecretTokens.random256();
    assertThat(a).matches("[A-Za-z0-9_-]{43}");
    assertThat(SecretTokens.random256()).isNotEqualTo(a);
    assertThat(SecretTokens.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(SecretTokens.password()).matches("([a-z2-9]{5}-){4}[a-z2-9]{5}");
  }
}
