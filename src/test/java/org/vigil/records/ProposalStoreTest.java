package org.vigil.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

class ProposalStoreTest {
  static final String TEXT = "A station in Rotterdam, run by the Fuzhou police, opened in 2018.";
  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

  @TempDir Path dir;
  Database db;
  ProposalStore store;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    store = new ProposalStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Proposal place(String source) {
    return new Proposal(
        ProposalKind.PLACE,
        SourceSpan.of(source, TEXT, 13, 22),
        Map.of("city", List.of("Rotterdam"), "country", List.of("NL")),
        0.9);
  }

  static Proposal date(String source) {
    return new Proposal(
        ProposalKind.DATE,
        SourceSpan.of(source, TEXT, 60, 64),
        Map.of("date", List.of("2018")),
        0.7);
  }

  @Test
  void reExtractionKeepsTheIdsOfUnchangedOpenProposalsAndDropsVanishedOnes() {
    List<ProposalRecord> first = store.replaceOpen("s1", List.of(place("s1"), date("s1")), NOW);
    List<ProposalRecord> again = store.replaceOpen("s1", List.of(place("s1")), NOW);

    assertThat(again).extracting(ProposalRecord::id).containsExactly(first.get(0).id());
    assertThat(store.find(first.get(1).id())).isEmpty();
  }

  @Test
  void anEditedDecisionIsNotReopenedWhenTheOriginalIsProposedAgain() {
    ProposalRecord p = store.replaceOpen("s1", List.of(date("s1")), NOW).get(0);
    ProposalRecord decided =
        store.decide(
            p.id(),
            p.version(),
            ProposalStatus.EDITED,
            Map.of("date", List.of("2018-05")),
            new Stamp("alice", NOW),
            "the text says May",
            List.of("claim:x"));
    assertThat(decided.extracted()).containsEntry("date", List.of("2018"));
    assertThat(decided.proposal().first("date")).isEqualTo("2018-05");

    assertThat(store.replaceOpen("s1", List.of(date("s1")), NOW)).isEmpty();
    assertThat(store.list(ProposalFilter.ofSource("s1"))).hasSize(1);
  }

  @Test
  void aProposalCitingAnotherSourceIsRefused() {
    assertThatThrownBy(() -> store.replaceOpen("s1", List.of(place("s2")), NOW))
        .hasMessageContaining("proposal cites source s2, not s1");
  }

  @Test
  void decidingAStaleVersionIsAConflictNamingTheEarlierDecision() {
    ProposalRecord p = store.replaceOpen("s1", List.of(place("s1")), NOW).get(0);
    store.decide(
        p.id(),
        1,
        ProposalStatus.REJECTED,
        p.proposal().fields(),
        new Stamp("bob", NOW),
        "no",
        List.of());

    assertThatThrownBy(
            () ->
                store.decide(
                    p.id(),
                    1,
                    ProposalStatus.ACCEPTED,
                    p.proposal().fields(),
                    new Stamp("alice", NOW),
                    "",
                    List.of()))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("status open → rejected by bob")
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }
}
