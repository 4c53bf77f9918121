package org.vigil.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.FuzzyDate;
import org.vigil.schema.Qualifier;
import org.vigil.schema.Quantity;
import org.vigil.schema.SourceSpan;

class ClaimStoreTest {
  static final Stamp ALICE = new Stamp("alice", Instant.parse("2026-01-01T10:00:00Z"));
  static final Stamp BOB = new Stamp("bob", Instant.parse("2026-01-01T11:00:00Z"));

  @TempDir Path dir;
  Database db;
  RecordStore records;
  ClaimStore claims;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    records = new RecordStore(db);
    claims = new ClaimStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void claimValuesRoundTripThroughTheirJsonColumn() {
    EntityRecord station = records.create("station", "Rotterdam", null, ClaimStatus.ALLEGED, ALICE);
    Quantity q =
        new Quantity(
            new BigDecimal("230000"),
            "person",
            Qualifier.ABOUT,
            FuzzyDate.range(LocalDate.of(2021, 4, 1), LocalDate.of(2022, 7, 31)));
    Claim amount =
        claims.create(null, "quantity", new ClaimObject.Amount(q), ClaimStatus.ALLEGED, ALICE, "");
    Claim opened =
        claims.create(
            station.id(),
            "opened",
            new ClaimObject.Date(FuzzyDate.month(2018, 5)),
            ClaimStatus.ALLEGED,
            ALICE,
            "");
    assertThat(claims.require(amount.id()).object()).isEqualTo(new ClaimObject.Amount(q));
    assertThat(claims.require(opened.id()).object())
        .isEqualTo(new ClaimObject.Date(FuzzyDate.month(2018, 5)));
    assertThat(
            claims.findSame(station.id(), "opened", new ClaimObject.Date(FuzzyDate.month(2018, 5))))
        .map(Claim::id)
        .contains(opened.id());
  }

  @Test
  void spansKeepTheirAttributionChainOriginFirst() {
    EntityRecord station = records.create("station", "Rotterdam", null, ClaimStatus.ALLEGED, ALICE);
    Claim name =
        claims.create(
            station.id(),
            "name",
            new ClaimObject.Text("Rotterdam"),
            ClaimStatus.ALLEGED,
            ALICE,
            "");
    SourceSpan span = SourceSpan.of("aaaa1111", "the station in Rotterdam", 15, 24);
    claims.addSpan(name.id(), span, List.of("Safeguard Defenders", "RTL Nieuws"), null, BOB);
    assertThat(claims.spans(name.id()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.span()).isEqualTo(span);
              assertThat(s.attribution()).containsExactly("Safeguard Defenders", "RTL Nieuws");
            });
    assertThat(claims.require(name.id()).version()).isEqualTo(2);
  }

  @Test
  void staleVersionIsAConflictNamingWhatChangedAndWho() {
    EntityRecord station = records.create("station", "Rotterdam", null, ClaimStatus.ALLEGED, ALICE);
    Claim claim =
        claims.create(
            station.id(),
            "name",
            new ClaimObject.Text("Rotterdam"),
            ClaimStatus.ALLEGED,
            ALICE,
            "");
    claims.setStatus(claim.id(), 1, ClaimStatus.DISPUTED, BOB, "contradicted by the embassy");
    assertThatThrownBy(
            () -> claims.setStatus(claim.id(), 1, ClaimStatus.RETRACTED, ALICE, "withdrawn"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining(claim.id() + " was changed after you read version 1 (now version 2)")
        .hasMessageContaining("status alleged → disputed by bob")
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(claims.history(claim.id()))
        .extracting(StatusChange::to)
        .containsExactly(ClaimStatus.ALLEGED, ClaimStatus.DISPUTED);
  }

  @Test
  void staleRecordLabelIsAConflictToo() {
    EntityRecord place = records.create("place", "Rotterdam", "city:1", ClaimStatus.ALLEGED, ALICE);
    records.relabel(place.id(), 1, "Rotterdam, NL", BOB);
    assertThatThrownBy(() -> records.relabel(place.id(), 1, "Roterdão", ALICE))
        .hasMessageContaining("label Rotterdam → Rotterdam, NL by bob");
    assertThat(records.findByKey("place", "city:1"))
        .map(EntityRecord::label)
        .contains("Rotterdam, NL");
  }

  @Test
  void spansInSourceListEveryClaimsEvidenceFromThatSourceByPosition() {
    Claim a =
        claims.create(
            null, "quantity", new ClaimObject.Text("many"), ClaimStatus.ALLEGED, ALICE, "");
    Claim b =
        claims.create(null, "date", new ClaimObject.Text("May"), ClaimStatus.ALLEGED, ALICE, "");
    String text = "In May there were many visitors at the harbour.";
    claims.addSpan(
        a.id(), SourceSpan.of("bbbb2222", text, 18, 31), List.of("the harbour master"), null, BOB);
    claims.addSpan(b.id(), SourceSpan.of("bbbb2222", text, 3, 6), List.of(), null, BOB);
    claims.addSpan(b.id(), SourceSpan.of("cccc3333", text, 3, 6), List.of(), null, BOB);
    assertThat(claims.spansInSource("bbbb2222"))
        .extracting(s -> s.claimId() + "@" + s.span().start() + ":" + s.span().quote())
        .containsExactly(b.id() + "@3:May", a.id() + "@18:many visitors");
    assertThat(claims.spansInSource("bbbb2222").get(1).attribution())
        .containsExactly("the harbour master");
    assertThat(claims.spansInSource("dddd4444")).isEmpty();
  }
}
