package org.vigil.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class AuditStoreTest {
  @TempDir Path dir;
  Database db;
  AuditStore store;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    store = new AuditStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static AuditStore.Row row(long seq, String subject, String before) {
    return new AuditStore.Row(
        seq,
        "2026-03-01T10:15:30Z",
        new AuditStore.Change("ana", "claim.status", subject, before, "{}", ""),
        "p" + seq,
        "h" + seq);
  }

  @Test
  void rowsComeBackExactlyAsStoredWithNullKeptApartFromEmpty() {
    store.insert(row(1, "claim:1", null));
    store.insert(row(2, "claim:1", ""));

    assertThat(store.findBySeq(1)).contains(row(1, "claim:1", null));
    assertThat(store.findBySeq(2).orElseThrow().change().before()).isEmpty();
    assertThat(store.last()).contains(row(2, "claim:1", ""));
    assertThat(store.findByHash("h2")).contains(row(2, "claim:1", ""));
    assertThat(store.findBySeq(3)).isEmpty();
  }

  @Test
  void anEmptyLogHasNoLastRowAndNothingToWalk() {
    List<AuditStore.Row> seen = new ArrayList<>();

    assertThat(store.last()).isEmpty();
    assertThat(store.forEachInOrder(seen::add)).isTrue();
    assertThat(seen).isEmpty();
    assertThat(store.count()).isZero();
  }

  @Test
  void walkingInOrderCrossesPagesAndStopsWhenTheSinkSaysSo() {
    db.inTransaction(
        () -> {
          for (int i = 1; i <= 2500; i++) {
            store.insert(row(i, "claim:" + (i % 3), null));
          }
        });
    List<Long> seqs = new ArrayList<>();

    assertThat(store.forEachInOrder(r -> seqs.add(r.seq()))).isTrue();
    assertThat(seqs).hasSize(2500).isSorted();
    assertThat(store.forEachInOrder(r -> r.seq() < 1500)).isFalse();
    assertThat(store.history("claim:1")).hasSize(834).extracting(AuditStore.Row::seq).isSorted();
  }

  @Test
  void aTakenSeqIsRefusedSoTwoWritersCannotForkTheChain() {
    store.insert(row(1, "claim:1", null));

    assertThatThrownBy(() -> store.insert(row(1, "claim:2", null)))
        .isInstanceOf(VigilException.class)
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.STORE_FAILURE);
  }

  @Test
  void theTriggersRefuseUpdateAndDeleteThroughTheNormalConnection() {
    store.insert(row(1, "claim:1", null));

    for (String sql :
        List.of(
            "UPDATE audit_event SET reason = 'edited' WHERE seq = 1",
            "DELETE FROM audit_event WHERE seq = 1",
            "DELETE FROM audit_event")) {
      assertThatThrownBy(
              () ->
                  db.with(
                      c -> {
                        try (Statement s = c.createStatement()) {
                          return s.executeUpdate(sql);
                        }
                      }))
          .as(sql)
          .isInstanceOf(VigilException.class)
          .hasMessageContaining("audit log is append-only");
    }
    assertThat(store.findBySeq(1)).contains(row(1, "claim:1", null));
  }
}
