package org.vigil.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class CryptoTest {
  static final Argon2Params CHEAP = new Argon2Params(1024, 1, 1);
  static final byte[] AAD = "testimony:abc|1|body".getBytes(UTF_8);

  static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (VigilException e) {
      return e.code();
    }
    throw new AssertionError("no VigilException");
  }

  @Test
  void sealedBlobOpensToThePlaintextWithTheSameKeyAndAssociatedData() {
    byte[] plain = "证人说：他们在门口等我 — the account".getBytes(UTF_8);
    try (DataKey k = DataKey.random()) {
      SealedBlob b = Sealing.seal(k, plain, AAD);
      assertThat(b.nonce()).hasSize(12);
      assertThat(b.ciphertext()).hasSize(plain.length + 16);
      assertThat(new String(b.ciphertext(), UTF_8)).doesNotContain("证人");
      assertThat(Sealing.open(k, b, AAD, "body")).isEqualTo(plain);
      // a fresh nonce each time
      assertThat(Sealing.seal(k, plain, AAD).nonce()).isNotEqualTo(b.nonce());
    }
  }

  @Test
  void anyChangedByteOrOtherAssociatedDataOrKeyIsTampered() {
    byte[] plain = "account".getBytes(UTF_8);
    try (DataKey k = DataKey.random();
        DataKey other = DataKey.random()) {
      SealedBlob b = Sealing.seal(k, plain, AAD);
      for (int i = 0; i < b.ciphertext().length; i++) {
        byte[] ct = b.ciphertext();
        ct[i] ^= 1;
        SealedBlob bad = new SealedBlob(b.nonce(), ct);
        assertThat(codeOf(() -> Sealing.open(k, bad, AAD, "body"))).isEqualTo(ErrorCode.TAMPERED);
      }
      byte[] nonce = b.nonce();
      nonce[0] ^= 1;
      assertThat(codeOf(() -> Sealing.open(k, new SealedBlob(nonce, b.ciphertext()), AAD, "x")))
          .isEqualTo(ErrorCode.TAMPERED);
      byte[] otherRecord = "testimony:abd|1|body".getBytes(UTF_8);
      assertThat(codeOf(() -> Sealing.open(k, b, otherRecord, "x"))).isEqualTo(ErrorCode.TAMPERED);
      assertThat(codeOf(() -> Sealing.open(other, b, AAD, "x"))).isEqualTo(ErrorCode.TAMPERED);
      SealedBlob truncated = new SealedBlob(b.nonce(), new byte[5]);
      assertThat(codeOf(() -> Sealing.open(k, truncated, AAD, "x"))).isEqualTo(ErrorCode.TAMPERED);
    }
  }

  @Test
  void closedDataKeyIsZeroedAndRefusesWork() {
    DataKey k = DataKey.random();
    byte[] inside = k.bytes();
    k.close();
    assertThat(inside).containsOnly((byte) 0);
    assertThatThrownBy(() -> Sealing.seal(k, new byte[1], AAD))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void wrappedDataKeyUnwrapsOnlyWithTheRecipientsPrivateKeyAndContext() {
    char[] pass = "correct horse battery".toCharArray();
    byte[] binding = "alice".getBytes(UTF_8);
    CustodianKeys.NewKey alice = CustodianKeys.generate(pass, CHEAP, binding);
    CustodianKeys.NewKey bob = CustodianKeys.generate(pass, CHEAP, "bob".getBytes(UTF_8));
    byte[] plain = "sealed words".getBytes(UTF_8);
    try (DataKey k = DataKey.random()) {
      SealedBlob b = Sealing.seal(k, plain, AAD);
      WrappedKey w = KeyWrapping.wrap(k, alice.publicKey(), "testimony:abc".getBytes(UTF_8));
      // each wrap has its own ephemeral key
      WrappedKey w2 = KeyWrapping.wrap(k, alice.publicKey(), "testimony:abc".getBytes(UTF_8));
      assertThat(w2.ephemeralPublic()).isNotEqualTo(w.ephemeralPublic());
      try (PrivateKeyHandle a =
              CustodianKeys.unlock("alice", alice.publicKey(), alice.privateKey(), pass, binding);
          PrivateKeyHandle bb =
              CustodianKeys.unlock(
                  "bob", bob.publicKey(), bob.privateKey(), pass, "bob".getBytes(UTF_8))) {
        try (DataKey back = a.unwrap(w, "testimony:abc".getBytes(UTF_8))) {
          assertThat(Sealing.open(back, b, AAD, "body")).isEqualTo(plain);
        }
        assertThat(codeOf(() -> bb.unwrap(w, "testimony:abc".getBytes(UTF_8))))
            .isEqualTo(ErrorCode.TAMPERED);
        assertThat(codeOf(() -> a.unwrap(w, "testimony:xyz".getBytes(UTF_8))))
            .isEqualTo(ErrorCode.TAMPERED);
        byte[] ct = w.sealed().ciphertext();
        ct[3] ^= 0x40;
        WrappedKey bad =
            new WrappedKey(w.ephemeralPublic(), new SealedBlob(w.sealed().nonce(), ct));
        assertThat(codeOf(() -> a.unwrap(bad, "testimony:abc".getBytes(UTF_8))))
            .isEqualTo(ErrorCode.TAMPERED);
        byte[] eph = w.ephemeralPublic();
        eph[eph.length - 1] ^= 0x01;
        WrappedKey badEph = new WrappedKey(eph, w.sealed());
        assertThat(codeOf(() -> a.unwrap(badEph, "testimony:abc".getBytes(UTF_8))))
            .isEqualTo(ErrorCode.TAMPERED);
      }
    }
  }

  @Test
  void wrongPassphraseIsToldApartFromATamperedPrivateKey() {
    char[] pass = "correct horse battery".toCharArray();
    byte[] binding = "alice".getBytes(UTF_8);
    CustodianKeys.NewKey k = CustodianKeys.generate(pass, CHEAP, binding);
    assertThat(
            codeOf(
                () ->
                    CustodianKeys.unlock(
                        "alice",
                        k.publicKey(),
                        k.privateKey(),
                        "wrong horse".toCharArray(),
                        binding)))
        .isEqualTo(ErrorCode.WRONG_PASSPHRASE);
    EncryptedPrivateKey p = k.privateKey();
    byte[] ct = p.sealed().ciphertext();
    ct[0] ^= 1;
    EncryptedPrivateKey altered =
        new EncryptedPrivateKey(
            p.salt(), p.params(), p.check(), new SealedBlob(p.sealed().nonce(), ct));
    assertThat(codeOf(() -> CustodianKeys.unlock("alice", k.publicKey(), altered, pass, binding)))
        .isEqualTo(ErrorCode.TAMPERED);
    // the private key is bound to the custodian's name and public key
    assertThat(
            codeOf(
                () ->
                    CustodianKeys.unlock(
                        "mallory", k.publicKey(), p, pass, "mallory".getBytes(UTF_8))))
        .isEqualTo(ErrorCode.TAMPERED);
    // a different cost gives a different key: indistinguishable from a wrong passphrase
    EncryptedPrivateKey otherCost =
        new EncryptedPrivateKey(p.salt(), new Argon2Params(2048, 1, 1), p.check(), p.sealed());
    assertThat(codeOf(() -> CustodianKeys.unlock("alice", k.publicKey(), otherCost, pass, binding)))
        .isEqualTo(ErrorCode.WRONG_PASSPHRASE);
  }

  @Test
  void closedHandleIsZeroedAndRefusesToUnwrap() {
    char[] pass = "correct horse battery".toCharArray();
    CustodianKeys.NewKey k = CustodianKeys.generate(pass, CHEAP, new byte[0]);
    PrivateKeyHandle h =
        CustodianKeys.unlock("a", k.publicKey(), k.privateKey(), pass, new byte[0]);
    h.close();
    assertThat(h.isClosed()).isTrue();
    try (DataKey d = DataKey.random()) {
      WrappedKey w = KeyWrapping.wrap(d, k.publicKey(), new byte[0]);
      assertThatThrownBy(() -> h.unwrap(w, new byte[0])).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void argon2ParametersAreBounded() {
    assertThatThrownBy(() -> new Argon2Params(4, 1, 1)).hasMessageContaining("memoryKib");
    assertThatThrownBy(() -> new Argon2Params(1024, 0, 1)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> new Argon2Params(1024, 1, 99)).hasMessageContaining("parallelism");
  }

  @Test
  void defaultArgon2CostTakesMeasurableWork() {
    long t0 = System.nanoTime();
    CustodianKeys.generate(
        "correct horse battery".toCharArray(), Argon2Params.DEFAULT, new byte[0]);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("default Argon2id derivation: " + ms + " ms");
    assertThat(ms).isGreaterThan(20);
  }
}
