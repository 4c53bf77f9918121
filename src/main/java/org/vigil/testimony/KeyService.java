package org.vigil.testimony;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditLog;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.Argon2Params;
import org.vigil.crypto.CustodianKeys;
import org.vigil.crypto.DataKey;
import org.vigil.crypto.EncryptedPrivateKey;
import org.vigil.crypto.KeyWrapping;
import org.vigil.crypto.PrivateKeyHandle;
import org.vigil.crypto.SealedBlob;
import org.vigil.crypto.WrappedKey;
import org.vigil.records.Database;
import org.vigil.records.Stamp;
import org.vigil.records.TestimonyStore;

/**
 * Custodians and their keys. Every testimony's data key is wrapped for every custodian; adding a
 * custodian re-wraps each data key for it, removing one deletes its wrapped keys, rotating one
 * re-wraps each for its new key pair. Losing every custodian's key (or passphrase) makes testimony
 * unreadable for good: there is no recovery key.
 *
 * <p>Every change is an audit event on {@code custodian:NAME}; no key material is in it.
 */
public final class KeyService {
  /** Shortest passphrase accepted for a new key. */
  public static final int MIN_PASSPHRASE = 8;

  /** A custodian as lists show it. */
  public record CustodianInfo(
      String name, String keyId, Instant created, @Nullable Instant rotated, long records) {}

  /**
   * What a key change did.
   *
   * @param rewrapped testimony whose data key was wrapped anew
   * @param skipped testimony that could not be re-wrapped because the acting custodian holds no key
   *     for it (it stays readable by whoever does)
   * @param unreadable testimony that no custodian can read any more (after a forced removal)
   */
  public record KeyChange(
      String custodian,
      String keyId,
      int rewrapped,
      List<String> skipped,
      List<String> unreadable) {
    public KeyChange {
      skipped = List.copyOf(skipped);
      unreadable = List.copyOf(unreadable);
    }
  }

  /**
   * What an unlocked custodian can read.
   *
   * @param readable testimony whose data key this custodian unwrapped
   * @param noKey testimony with no key wrapped for this custodian
   * @param tampered testimony whose wrapped key failed its authentication check
   */
  public record Reach(
      String custodian, int total, int readable, List<String> noKey, List<String> tampered) {
    public Reach {
      noKey = List.copyOf(noKey);
      tampered = List.copyOf(tampered);
    }
  }

  private final Database db;
  private final TestimonyStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Argon2Params params;

  /**
   * @param params Argon2id cost for new and rotated keys (existing keys keep their own)
   */
  public KeyService(
      Database db, TestimonyStore store, AuditLog audit, Clock clock, Argon2Params params) {
    this.db = Checks.notNull(db, "db");
    this.store = Checks.notNull(store, "store");
    this.audit = Checks.notNull(audit, "audit");
    this.clock = Checks.notNull(clock, "clock");
    this.params = Checks.notNull(params, "params");
  }

  /**
   * Makes the first custodian. Allowed only while there is none (also after the last one was
   * removed with force: earlier testimony then stays unreadable).
   */
  public CustodianInfo init(String name, char[] passphrase, String actor) {
    checkName(name);
    checkNewPassphrase(passphrase);
    Checks.notBlank(actor, "actor");
    TestimonyStore.Custodian row = newCustodian(name, passphrase, actor);
    return db.inTransaction(
        () -> {
          if (!store.custodians().isEmpty()) {
            throw new VigilException(
                ErrorCode.CONFLICT,
                "testimony keys are already set up; add a custodian with 'vigil keys"
                    + " add-custodian NAME --by CUSTODIAN'");
          }
          store.insertCustodian(row);
          event(actor, "keys.init", name, Map.of("keyId", row.keyId()), "");
          return info(row, 0);
        });
  }

  /** Adds a custodian; {@code by} re-wraps every data key it holds for the newcomer. */
  public KeyChange addCustodian(
      String name, char[] passphrase, UnlockedCustodian by, String actor) {
    checkName(name);
    checkNewPassphrase(passphrase);
    Checks.notBlank(actor, "actor");
    current(by);
    if (store.findCustodian(name).isPresent()) {
      throw VigilException.invalid("name", "there is already a custodian called " + name);
    }
    TestimonyStore.Custodian row = newCustodian(name, passphrase, actor);
    return db.inTransaction(
        () -> {
          current(by);
          if (store.findCustodian(name).isPresent()) {
            throw VigilException.invalid("name", "there is already a custodian called " + name);
          }
          store.insertCustodian(row);
          Map<String, TestimonyStore.WrappedKey> held = new LinkedHashMap<>();
          store.keysFor(by.name()).forEach(k -> held.put(k.testimonyId(), k));
          int rewrapped = 0;
          List<String> skipped = new ArrayList<>();
          for (TestimonyStore.Listed t : store.list()) {
            TestimonyStore.WrappedKey k = held.get(t.id());
            if (k == null) {
              skipped.add(t.id());
              continue;
            }
            try (DataKey dk = unwrap(by.key(), k, t)) {
              store.putKey(wrapFor(dk, t, name, row.publicKey()));
              rewrapped++;
            }
          }
          event(
              actor,
              "keys.add-custodian",
              name,
              Map.of("keyId", row.keyId(), "by", by.name(), "rewrapped", rewrapped),
              "");
          return new KeyChange(name, row.keyId(), rewrapped, skipped, List.of());
        });
  }

  /**
   * Removes a custodian and every key wrapped for it. Refused when it would leave testimony that no
   * one can read (the last custodian, or testimony only it holds a key for) unless {@code force}.
   */
  public KeyChange removeCustodian(String name, UnlockedCustodian by, boolean force, String actor) {
    Checks.notBlank(actor, "actor");
    return db.inTransaction(
        () -> {
          current(by);
          TestimonyStore.Custodian row =
              store
                  .findCustodian(name)
                  .orElseThrow(() -> VigilException.notFound("custodian " + name));
          boolean last = store.custodians().size() == 1;
          List<String> orphaned = store.readableOnlyBy(name);
          if (!force && last) {
            throw VigilException.invalid(
                "force",
                name
                    + " is the last custodian: without a custodian no one can ever read the"
                    + " testimony again ("
                    + store.count()
                    + " records). Add another custodian first, or give --force to make it"
                    + " unreadable on purpose");
          }
          if (!force && !orphaned.isEmpty()) {
            throw VigilException.invalid(
                "force",
                orphaned.size()
                    + " testimony records have a key for "
                    + name
                    + " only and would become unreadable; give --force to accept that");
          }
          store.deleteCustodian(name);
          event(
              actor,
              "keys.remove-custodian",
              name,
              Map.of("keyId", row.keyId(), "by", by.name(), "unreadable", orphaned.size()),
              force ? "forced" : "");
          if (by.name().equals(name)) {
            by.close();
          }
          return new KeyChange(name, row.keyId(), 0, List.of(), orphaned);
        });
  }

  /**
   * Gives {@code custodian} a new key pair, sealed under {@code passphrase} (its current one or a
   * new one), and re-wraps every data key it holds for the new key. The old private key is gone:
   * its sealed copy is overwritten and {@code custodian} is closed. Unlock again to go on reading.
   *
   * @throws VigilException {@code tampered} if any of its wrapped keys fails to open; nothing
   *     changes then
   */
  public KeyChange rotate(UnlockedCustodian custodian, char[] passphrase, String actor) {
    checkNewPassphrase(passphrase);
    Checks.notBlank(actor, "actor");
    current(custodian);
    String name = custodian.name();
    TestimonyStore.Custodian fresh = newCustodian(name, passphrase, actor);
    KeyChange change =
        db.inTransaction(
            () -> {
              TestimonyStore.Custodian old = current(custodian);
              Map<String, TestimonyStore.Listed> byId = new LinkedHashMap<>();
              store.list().forEach(t -> byId.put(t.id(), t));
              int rewrapped = 0;
              for (TestimonyStore.WrappedKey k : store.keysFor(name)) {
                TestimonyStore.Listed t = byId.get(k.testimonyId());
                if (t == null) {
                  continue;
                }
                try (DataKey dk = unwrap(custodian.key(), k, t)) {
                  store.putKey(wrapFor(dk, t, name, fresh.publicKey()));
                  rewrapped++;
                }
              }
              store.replaceKey(
                  new TestimonyStore.Custodian(
                      name,
                      fresh.keyId(),
                      fresh.publicKey(),
                      fresh.kdf(),
                      fresh.privateKey(),
                      old.created(),
                      clock.instant()));
              event(
                  actor,
                  "keys.rotate",
                  name,
                  Map.of("oldKeyId", old.keyId(), "keyId", fresh.keyId(), "rewrapped", rewrapped),
                  "");
              return new KeyChange(name, fresh.keyId(), rewrapped, List.of(), List.of());
            });
    custodian.close();
    return change;
  }

  /**
   * Opens a custodian's private key into memory; the caller closes it.
   *
   * @throws VigilException {@code not_found}, {@code wrong_passphrase}, or {@code tampered}
   */
  public UnlockedCustodian unlock(String name, char[] passphrase) {
    Checks.notNull(passphrase, "passphrase");
    TestimonyStore.Custodian row =
        store.findCustodian(name).orElseThrow(() -> VigilException.notFound("custodian " + name));
    TestimonyStore.Kdf kdf = row.kdf();
    EncryptedPrivateKey sealed;
    try {
      sealed =
          new EncryptedPrivateKey(
              kdf.salt(),
              new Argon2Params(kdf.memoryKib(), kdf.iterations(), kdf.parallelism()),
              kdf.check(),
              new SealedBlob(row.privateKey().nonce(), row.privateKey().sealed()));
    } catch (IllegalArgumentException e) {
      throw new VigilException(
          ErrorCode.TAMPERED, "the stored key of custodian " + name + " is malformed", e);
    }
    PrivateKeyHandle h =
        CustodianKeys.unlock(name, row.publicKey(), sealed, passphrase, binding(name));
    return new UnlockedCustodian(name, row.keyId(), h);
  }

  /** Tries every key wrapped for {@code custodian}: what it can read, what it cannot and why. */
  public Reach reach(UnlockedCustodian custodian) {
    current(custodian);
    Map<String, TestimonyStore.WrappedKey> held = new LinkedHashMap<>();
    store.keysFor(custodian.name()).forEach(k -> held.put(k.testimonyId(), k));
    List<TestimonyStore.Listed> all = store.list();
    int readable = 0;
    List<String> noKey = new ArrayList<>();
    List<String> tampered = new ArrayList<>();
    for (TestimonyStore.Listed t : all) {
      TestimonyStore.WrappedKey k = held.get(t.id());
      if (k == null) {
        noKey.add(t.id());
        continue;
      }
      try (DataKey dk = unwrap(custodian.key(), k, t)) {
        readable++;
      } catch (VigilException e) {
        if (e.code() != ErrorCode.TAMPERED) {
          throw e;
        }
        tampered.add(t.id());
      }
    }
    return new Reach(custodian.name(), all.size(), readable, noKey, tampered);
  }

  /** Every custodian with the number of testimony keys wrapped for it, by name. */
  public List<CustodianInfo> list() {
    Map<String, Long> counts = store.keyCounts();
    return store.custodians().stream()
        .map(c -> info(c, counts.getOrDefault(c.name(), 0L)))
        .toList();
  }

  // ---- used by TestimonyService

  /** The stored custodian {@code u} unlocked, if it still exists with the same key pair. */
  TestimonyStore.Custodian current(UnlockedCustodian u) {
    Checks.notNull(u, "custodian");
    u.key();
    TestimonyStore.Custodian row =
        store
            .findCustodian(u.name())
            .orElseThrow(
                () ->
                    new VigilException(
                        ErrorCode.KEYS_LOCKED, "custodian " + u.name() + " was removed"));
    if (!row.keyId().equals(u.keyId())) {
      throw new VigilException(
          ErrorCode.KEYS_LOCKED,
          "the key of custodian " + u.name() + " was rotated since it was unlocked: unlock again");
    }
    return row;
  }

  static DataKey unwrap(
      PrivateKeyHandle key, TestimonyStore.WrappedKey k, TestimonyStore.Listed t) {
    WrappedKey w =
        new WrappedKey(
            k.ephemeralPublic(), Codec.blob(k.wrapped(), "the wrapped key of " + t.id()));
    return key.unwrap(w, Codec.aad(t.id(), t.version(), "key"));
  }

  static TestimonyStore.WrappedKey wrapFor(
      DataKey dk, TestimonyStore.Listed t, String custodian, byte[] publicKey) {
    WrappedKey w = KeyWrapping.wrap(dk, publicKey, Codec.aad(t.id(), t.version(), "key"));
    return new TestimonyStore.WrappedKey(
        t.id(), custodian, w.ephemeralPublic(), Codec.part(w.sealed()));
  }

  private TestimonyStore.Custodian newCustodian(String name, char[] passphrase, String actor) {
    CustodianKeys.NewKey k = CustodianKeys.generate(passphrase, params, binding(name));
    EncryptedPrivateKey p = k.privateKey();
    return new TestimonyStore.Custodian(
        name,
        CustodianKeys.fingerprint(k.publicKey()),
        k.publicKey(),
        new TestimonyStore.Kdf(
            p.salt(),
            p.params().memoryKib(),
            p.params().iterations(),
            p.params().parallelism(),
            p.check()),
        Codec.part(p.sealed()),
        new Stamp(actor, clock.instant()),
        null);
  }

  private void event(String actor, String action, String name, Map<String, ?> after, String why) {
    audit.append(
        new AuditEvent(actor, action, "custodian:" + name, null, Codec.auditJson(after), why));
  }

  private static CustodianInfo info(TestimonyStore.Custodian c, long records) {
    return new CustodianInfo(c.name(), c.keyId(), c.created().at(), c.rotatedAt(), records);
  }

  private static byte[] binding(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  static void checkName(String name) {
    Checks.notNull(name, "name");
    if (name.isBlank()
        || name.length() > 64
        || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw VigilException.invalid(
          "name", "a custodian name is 1 to 64 characters without control characters");
    }
  }

  private static void checkNewPassphrase(char[] passphrase) {
    Checks.notNull(passphrase, "passphrase");
    if (passphrase.length < MIN_PASSPHRASE) {
      throw VigilException.invalid(
          "passphrase", "a passphrase needs at least " + MIN_PASSPHRASE + " characters");
    }
  }
}
