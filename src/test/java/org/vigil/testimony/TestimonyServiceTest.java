package org.vigil.testimony;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditRecord;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.Argon2Params;
import org.vigil.records.Database;
import org.vigil.records.EntityRecord;
import org.vigil.records.RecordStore;
import org.vigil.records.Stamp;
import org.vigil.records.TestimonyStore;
import org.vigil.schema.ClaimStatus;

class TestimonyServiceTest {
  static final Argon2Params CHEAP = new Argon2Params(1024, 1, 1);
  static final char[] ALICE_PASS = "alice passphrase".toCharArray();
  static final char[] BOB_PASS = "bob passphrase 2".toCharArray();

  @TempDir Path dir;
  Database db;
  TestimonyStore store;
  RecordStore records;
  AuditLog audit;
  KeyService keys;
  TestimonyService service;
  EntityRecord incident;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    store = new TestimonyStore(db);
    records = new RecordStore(db);
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    audit = new AuditLog(db, clock);
    keys = new KeyService(db, store, audit, clock, CHEAP);
    service = new TestimonyService(db, store, records, keys, audit, clock);
    incident =
        records.create(
            "incident",
            "Visit at the shop",
            null,
            ClaimStatus.ALLEGED,
            new Stamp("carol", clock.instant()));
  }

  @AfterEach
  void close() {
    db.close();
  }

  TestimonyDraft draft(String marker) {
    return new TestimonyDraft(
        "Witness " + marker,
        "They came to my shop twice. " + marker + " 他们说我的父母会有麻烦。",
        List.of(new Attachment("photo-" + marker + ".jpg", ("JPEG " + marker).getBytes(UTF_8))),
        new Consent(true, true, "Signal " + marker, List.of("Partner " + marker)),
        List.of(incident.id()));
  }

  static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (VigilException e) {
      return e.code();
    }
    throw new AssertionError("no VigilException");
  }

  @Test
  void intakeNeedsNoUnlockedCustodianAndListsOnlyMetadata() throws Exception {
    keys.init("alice", ALICE_PASS, "alice");
    TestimonySummary s = service.intake(draft("MARKERqz1"), "dana");
    assertThat(s.id()).startsWith("testimony:");
    assertThat(s.attachments()).isEqualTo(1);
    assertThat(s.incidentIds()).containsExactly(incident.id());
    assertThat(service.list("dana")).containsExactly(s);
    assertThat(service.list("dana").toString()).doesNotContain("MARKERqz1");

    byte[] file = Files.readAllBytes(dir.resolve("vigil.db"));
    Path wal = dir.resolve("vigil.db-wal");
    byte[] walBytes = Files.exists(wal) ? Files.readAllBytes(wal) : new byte[0];
    assertThat(new String(file, UTF_8) + new String(walBytes, UTF_8)).doesNotContain("MARKERqz1");

    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      Testimony t = service.read(s.id(), a, "alice");
      assertThat(t.pseudonym()).isEqualTo("Witness MARKERqz1");
      assertThat(t.account()).contains("他们说我的父母会有麻烦");
      assertThat(t.attachments()).hasSize(1);
      assertThat(t.attachments().get(0).name()).isEqualTo("photo-MARKERqz1.jpg");
      assertThat(new String(t.attachments().get(0).content(), UTF_8)).isEqualTo("JPEG MARKERqz1");
      assertThat(t.consent()).isEqualTo(draft("MARKERqz1").consent());
      assertThat(t.incidentIds()).containsExactly(incident.id());
      assertThat(t.createdBy()).isEqualTo("dana");
      assertThat(t.toString()).doesNotContain("MARKERqz1");
    }
    List<AuditRecord> history = audit.history(s.id());
    assertThat(history)
        .extracting(r -> r.event().action())
        .containsExactly("testimony.add", "testimony.read");
    assertThat(history.get(1).event().actor()).isEqualTo("alice");
    assertThat(history.get(1).event().after()).contains("alice");
    assertThat(history.toString()).doesNotContain("MARKERqz1");
    // the incident record is not touched
    assertThat(records.require(incident.id()).version()).isEqualTo(1);
    assertThat(audit.history(incident.id())).isEmpty();
    assertThat(audit.verify().passed()).isTrue();
  }

  @Test
  void intakeWithoutAnyCustodianIsRefused() {
    assertThatThrownBy(() -> service.intake(draft("x1"), "dana"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("vigil keys init")
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
    assertThat(store.count()).isZero();
  }

  @Test
  void badDraftsAndUnknownIncidentsAreRefusedByField() {
    VigilException e =
        (VigilException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    new TestimonyDraft(
                        " ", "", List.of(), new Consent(false, true, null, List.of()), List.of()));
    assertThat(e.fieldProblems()).containsKeys("pseudonym", "account", "consent");
    keys.init("alice", ALICE_PASS, "alice");
    TestimonyDraft d =
        new TestimonyDraft("W", "words", List.of(), Consent.none(), List.of("incident:nosuch"));
    VigilException unknown =
        (VigilException)
            org.assertj.core.api.Assertions.catchThrowable(() -> service.intake(d, "dana"));
    assertThat(unknown.fieldProblems()).containsKey("incidents");
    assertThat(store.count()).isZero();
  }

  @Test
  void wrongPassphraseAndUnknownCustodianAndShortPassphrase() {
    keys.init("alice", ALICE_PASS, "alice");
    assertThat(codeOf(() -> keys.unlock("alice", "not the passphrase".toCharArray())))
        .isEqualTo(ErrorCode.WRONG_PASSPHRASE);
    assertThat(codeOf(() -> keys.unlock("zed", ALICE_PASS))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(codeOf(() -> keys.init("bob", BOB_PASS, "bob"))).isEqualTo(ErrorCode.CONFLICT);
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      assertThat(codeOf(() -> keys.addCustodian("bob", "short".toCharArray(), a, "alice")))
          .isEqualTo(ErrorCode.INVALID_INPUT);
    }
  }

  @Test
  void addedCustodianReadsEarlierAndLaterTestimony() {
    keys.init("alice", ALICE_PASS, "alice");
    String first = service.intake(draft("one"), "dana").id();
    String second = service.intake(draft("two"), "dana").id();
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      KeyService.KeyChange ch = keys.addCustodian("bob", BOB_PASS, a, "alice");
      assertThat(ch.rewrapped()).isEqualTo(2);
      assertThat(ch.skipped()).isEmpty();
    }
    String third = service.intake(draft("three"), "dana").id();
    try (UnlockedCustodian b = keys.unlock("bob", BOB_PASS)) {
      assertThat(service.read(first, b, "bob").pseudonym()).isEqualTo("Witness one");
      assertThat(service.read(second, b, "bob").pseudonym()).isEqualTo("Witness two");
      assertThat(service.read(third, b, "bob").pseudonym()).isEqualTo("Witness three");
      KeyService.Reach reach = keys.reach(b);
      assertThat(reach.readable()).isEqualTo(3);
      assertThat(reach.noKey()).isEmpty();
    }
    assertThat(keys.list())
        .extracting(KeyService.CustodianInfo::name, KeyService.CustodianInfo::records)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", 3L),
            org.assertj.core.groups.Tuple.tuple("bob", 3L));
    assertThat(audit.history("custodian:bob"))
        .extracting(r -> r.event().action())
        .containsExactly("keys.add-custodian");
  }

  @Test
  void removedCustodianCannotReadAndHisWrappedKeysAreGone() {
    keys.init("alice", ALICE_PASS, "alice");
    String id = service.intake(draft("one"), "dana").id();
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      keys.addCustodian("bob", BOB_PASS, a, "alice");
    }
    UnlockedCustodian bobStillOpen = keys.unlock("bob", BOB_PASS);
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      keys.removeCustodian("bob", a, false, "alice");
      assertThat(service.read(id, a, "alice").pseudonym()).isEqualTo("Witness one");
    }
    assertThat(store.keysFor("bob")).isEmpty();
    assertThat(codeOf(() -> keys.unlock("bob", BOB_PASS))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(codeOf(() -> service.read(id, bobStillOpen, "bob")))
        .isEqualTo(ErrorCode.KEYS_LOCKED);
    bobStillOpen.close();
  }

  @Test
  void lastCustodianIsKeptUnlessForcedAndThenTestimonyIsUnreadable() {
    keys.init("alice", ALICE_PASS, "alice");
    String id = service.intake(draft("one"), "dana").id();
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      assertThatThrownBy(() -> keys.removeCustodian("alice", a, false, "alice"))
          .hasMessageContaining("last custodian")
          .hasMessageContaining("--force");
      assertThat(keys.list()).hasSize(1);
      KeyService.KeyChange ch = keys.removeCustodian("alice", a, true, "alice");
      assertThat(ch.unreadable()).containsExactly(id);
      assertThat(a.isClosed()).isTrue();
    }
    assertThat(audit.history("custodian:alice").get(1).event().reason()).isEqualTo("forced");
    // a new start is possible, but the old testimony stays sealed for good
    keys.init("erin", "erin passphrase".toCharArray(), "erin");
    try (UnlockedCustodian e = keys.unlock("erin", "erin passphrase".toCharArray())) {
      assertThat(codeOf(() -> service.read(id, e, "erin"))).isEqualTo(ErrorCode.KEYS_LOCKED);
      assertThat(keys.reach(e).noKey()).containsExactly(id);
    }
  }

  @Test
  void rotationRewrapsForTheNewKeyAndTheOldKeyOpensNothing() {
    keys.init("alice", ALICE_PASS, "alice");
    String id = service.intake(draft("one"), "dana").id();
    TestimonyStore.Custodian before = store.findCustodian("alice").orElseThrow();
    UnlockedCustodian old = keys.unlock("alice", ALICE_PASS);
    UnlockedCustodian rotating = keys.unlock("alice", ALICE_PASS);
    KeyService.KeyChange ch = keys.rotate(rotating, ALICE_PASS, "alice");
    assertThat(rotating.isClosed()).isTrue();
    assertThat(ch.rewrapped()).isEqualTo(1);
    TestimonyStore.Custodian after = store.findCustodian("alice").orElseThrow();
    assertThat(after.keyId()).isNotEqualTo(before.keyId()).isEqualTo(ch.keyId());
    assertThat(after.privateKey().sealed()).isNotEqualTo(before.privateKey().sealed());
    assertThat(after.rotatedAt()).isNotNull();
    // the old key, still in someone's memory, is refused and cannot open the new wrap either
    assertThat(codeOf(() -> service.read(id, old, "alice"))).isEqualTo(ErrorCode.KEYS_LOCKED);
    TestimonyStore.WrappedKey k = store.key(id, "alice").orElseThrow();
    TestimonyStore.Listed row = store.find(id).orElseThrow();
    assertThat(codeOf(() -> KeyService.unwrap(old.key(), k, row).close()))
        .isEqualTo(ErrorCode.TAMPERED);
    old.close();
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      assertThat(service.read(id, a, "alice").pseudonym()).isEqualTo("Witness one");
    }
    String intakeAfter = service.intake(draft("two"), "dana").id();
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS)) {
      assertThat(service.read(intakeAfter, a, "alice").pseudonym()).isEqualTo("Witness two");
    }
  }

  @Test
  void alteredOrSwappedBlobsAndKeysAreTamperedAndNotAudited() throws Exception {
    keys.init("alice", ALICE_PASS, "alice");
    String one = service.intake(draft("one"), "dana").id();
    String two = service.intake(draft("two"), "dana").id();
    String url = "jdbc:sqlite:" + dir.resolve("vigil.db").toAbsolutePath();
    try (UnlockedCustodian a = keys.unlock("alice", ALICE_PASS);
        Connection c = DriverManager.getConnection(url)) {
      // swap the sealed bodies of two records (each opens under its own key only and names its id)
      byte[][] b1 = body(c, one);
      byte[][] b2 = body(c, two);
      setBody(c, one, b2);
      setBody(c, two, b1);
      assertThat(codeOf(() -> service.read(one, a, "alice"))).isEqualTo(ErrorCode.TAMPERED);
      setBody(c, one, b1);
      setBody(c, two, b2);
      assertThat(service.read(one, a, "alice").pseudonym()).isEqualTo("Witness one");

      // a wrapped key copied from another record
      TestimonyStore.WrappedKey k1 = store.key(one, "alice").orElseThrow();
      TestimonyStore.WrappedKey k2 = store.key(two, "alice").orElseThrow();
      store.putKey(new TestimonyStore.WrappedKey(one, "alice", k2.ephemeralPublic(), k2.wrapped()));
      assertThat(codeOf(() -> service.read(one, a, "alice"))).isEqualTo(ErrorCode.TAMPERED);
      assertThat(keys.reach(a).tampered()).containsExactly(one);
      store.putKey(k1);

      // one flipped bit in an attachment
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE testimony_attachment SET sealed = ? WHERE testimony_id = ? AND position = 0")) {
        byte[] sealed = store.attachments(two).get(0).sealed().clone();
        sealed[sealed.length / 2] ^= 1;
        ps.setBytes(1, sealed);
        ps.setString(2, two);
        ps.executeUpdate();
      }
      assertThat(codeOf(() -> service.read(two, a, "alice"))).isEqualTo(ErrorCode.TAMPERED);

      // a version bump changes the associated data
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE testimony SET version = 2 WHERE id = ?")) {
        ps.setString(1, one);
        ps.executeUpdate();
      }
      assertThat(codeOf(() -> service.read(one, a, "alice"))).isEqualTo(ErrorCode.TAMPERED);
    }
    assertThat(Stream.concat(audit.history(one).stream(), audit.history(two).stream()))
        .filteredOn(r -> r.event().action().equals("testimony.read"))
        .hasSize(1);
  }

  @Test
  void closedCustodianIsLocked() {
    keys.init("alice", ALICE_PASS, "alice");
    String id = service.intake(draft("one"), "dana").id();
    UnlockedCustodian a = keys.unlock("alice", ALICE_PASS);
    a.close();
    assertThat(codeOf(() -> service.read(id, a, "alice"))).isEqualTo(ErrorCode.KEYS_LOCKED);
    assertThat(codeOf(() -> keys.reach(a))).isEqualTo(ErrorCode.KEYS_LOCKED);
  }

  static byte[][] body(Connection c, String id) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT body_nonce, body_sealed FROM testimony WHERE id = ?")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return new byte[][] {rs.getBytes(1), rs.getBytes(2)};
      }
    }
  }

  static void setBody(Connection c, String id, byte[][] b) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE testimony SET body_nonce = ?, body_sealed = ? WHERE id = ?")) {
      ps.setBytes(1, b[0]);
      ps.setBytes(2, b[1]);
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }
}
