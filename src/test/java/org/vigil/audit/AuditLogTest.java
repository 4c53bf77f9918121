package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.records.AuditStore;
import org.vigil.records.Database;

class AuditLogTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.123Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  Database db;
  AuditLog log;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    log = new AuditLog(db, CLOCK);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static AuditEvent event(int i) {
    return new AuditEvent(
        "reviewer-" + (i % 3),
        "claim.status",
        "claim:" + (i % 7),
        i % 5 == 0 ? null : "{\"status\":\"open\",\"n\":" + i + "}",
        "{\"status\":\"confirmed\",\"n\":" + i + "}",
        i % 2 == 0 ? "" : "second source found, #" + i);
  }

  @Test
  void aChainOfAHundredEventsVerifies() {
    for (int i = 1; i <= 100; i++) {
      AuditRecord r = log.append(event(i));
      assertThat(r.seq()).isEqualTo(i);
    }

    AuditVerification v = log.verify();

    assertThat(v.passed()).as(v.message()).isTrue();
    assertThat(v.checked()).isEqualTo(100);
    assertThat(v.firstBadSeq()).isNull();
    assertThat(v.problem()).isNull();
  }

  @Test
  void theFirstEventFollowsSixtyFourZerosAndEachEventFollowsTheOneBefore() {
    AuditRecord first = log.append(event(1));
    AuditRecord second = log.append(event(2));

    assertThat(first.previousHash()).isEqualTo("0".repeat(64));
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash()).matches("[0-9a-f]{64}");
  }

  @Test
  void anEmptyLogVerifiesWithNothingChecked() {
    AuditVerification v = log.verify();

    assertThat(v.passed()).isTrue();
    assertThat(v.checked()).isZero();
    assertThat(log.head()).isEqualTo(new AuditHead(0, "0".repeat(64)));
  }

  @Test
  void appendReturnsTheEventAsStoredAndHistoryListsOneSubjectOldestFirst() {
    AuditRecord a = log.append(new AuditEvent("ana", "claim.create", "claim:1", null, "{}", ""));
    log.append(new AuditEvent("ana", "claim.create", "claim:2", null, "{}", ""));
    AuditRecord c =
        log.append(new AuditEvent("bo", "claim.status", "claim:1", "{}", "{\"s\":1}", "why"));

    List<AuditRecord> history = log.history("claim:1");

    assertThat(history).containsExactly(a, c);
    assertThat(history.get(0).at()).isEqualTo(CLOCK.instant());
    assertThat(history.get(0).event().before()).isNull();
    assertThat(log.history("claim:404")).isEmpty();
  }

  @Test
  void anAppendInsideARolledBackTransactionLeavesNoEvent() {
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    () -> {
                      log.append(event(1));
                      log.append(event(2));
                      throw new IllegalStateException("the change itself failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(log.head().seq()).isZero();
    // The head is re-read, not cached: the next event starts the chain again.
    AuditRecord next = log.append(event(3));
    assertThat(next.seq()).isEqualTo(1);
    assertThat(next.previousHash()).isEqualTo("0".repeat(64));
    assertThat(log.verify().passed()).isTrue();
  }

  @Test
  void anAppendInsideACommittedTransactionCommitsWithIt() {
    db.inTransaction(
        () -> {
          log.append(event(1));
          log.append(event(2));
        });

    assertThat(log.head().seq()).isEqualTo(2);
    assertThat(log.verify().passed()).isTrue();
  }

  @Test
  void concurrentAppendsFromFourThreadsMakeOneValidChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        tasks.add(
            () -> {
              for (int i = 0; i < 50; i++) {
                AuditEvent e = event(thread * 1000 + i);
                if (i % 10 == 0) {
                  // Some appends join a caller's transaction, as review code will do.
                  db.inTransaction(() -> log.append(e));
                } else {
                  log.append(e);
                }
              }
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    AuditVerification v = log.verify();
    assertThat(v.passed()).as(v.message()).isTrue();
    assertThat(v.checked()).isEqualTo(200);
    assertThat(new AuditStore(db).count()).isEqualTo(200);
  }

  @Test
  void theHashEncodingIsPinnedByAnIndependentlyComputedValue() {
    // Computed with Python's hashlib from the encoding described in ChainHash; if this changes,
    // every existing log stops verifying.
    String hash =
        ChainHash.of(
            1,
            "2026-01-01T00:00:00Z",
            new AuditStore.Change(
                "İlkay Işık", "claim.status", "claim:12", null, "{\"status\":\"açık\"}", ""),
            ChainHash.GENESIS);

    assertThat(hash).isEqualTo("fbc9eac7bf780aaa5633bf06b4183e9f9d98d48a952b97e257ec0f73c3502f57");
  }

  @Test
  void theEncodingKeepsFieldBoundariesAndNullApartFromEmpty() {
    String abC = ChainHash.of(1, "t", new AuditStore.Change("ab", "c", "s", null, null, ""), "p");
    String aBc = ChainHash.of(1, "t", new AuditStore.Change("a", "bc", "s", null, null, ""), "p");
    String emptyBefore =
        ChainHash.of(1, "t", new AuditStore.Change("ab", "c", "s", "", null, ""), "p");

    assertThat(abC).isNotEqualTo(aBc).isNotEqualTo(emptyBefore);
  }

  @Test
  void aChainWrittenUnderATurkishLocaleVerifiesUnderAnyLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      for (int i = 1; i <= 20; i++) {
        log.append(
            new AuditEvent(
                "İLKAY IŞIK " + i, "CLAIM.STATUS", "claim:" + i, "{\"i\":\"ı\"}", "{}", "İi"));
      }
      AuditHead head = log.head();
      assertThat(log.verify(head).passed()).isTrue();
      assertThat(AuditHead.parse(head.toString())).isEqualTo(head);

      Locale.setDefault(Locale.ROOT);
      AuditVerification v = log.verify(head);
      assertThat(v.passed()).as(v.message()).isTrue();
      assertThat(v.checked()).isEqualTo(20);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
