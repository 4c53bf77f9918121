package org.vigil.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.audit.AuditEvent;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.ClaimStore;
import org.vigil.records.Database;
import org.vigil.records.EntityRecord;
import org.vigil.records.ProposalStore;
import org.vigil.records.RecordStore;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.Qualifier;
import org.vigil.schema.SourceSpan;

/** Claims a reviewer makes from a selection, relabelling, and finding records to link. */
class AssertClaimTest {
  static final String TEXT =
      "A bureau from Qingtian opened a service point in Lisbon in March 2022; at least 12 people"
          + " were approached.";

  @TempDir Path dir;
  Database db;
  RecordStore records;
  ClaimStore claims;
  List<AuditEvent> events = new ArrayList<>();
  ReviewService review;
  EntityRecord station;
  EntityRecord place;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    records = new RecordStore(db);
    claims = new ClaimStore(db);
    review =
        new ReviewService(
            db,
            records,
            claims,
            new ProposalStore(db),
            events::add,
            Clock.fixed(Instant.parse("2026-02-01T09:00:00Z"), ZoneOffset.UTC),
            source -> source);
    Stamp by = new Stamp("seed", Instant.parse("2026-01-01T00:00:00Z"));
    station = records.create("station", "Lisbon (Qingtian)", null, ClaimStatus.ALLEGED, by);
    place = records.create("place", "里斯本 Lisbon", null, ClaimStatus.ALLEGED, by);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static SourceSpan span(String quote) {
    int start = TEXT.indexOf(quote);
    return new SourceSpan("src1", start, start + quote.length(), quote);
  }

  @Test
  void selectionBecomesAnAllegedClaimWithItsSpanAndAnEqualOneReusesIt() {
    ClaimObject opened = review.valueFor("station", "opened", "2022-03");
    Claim c =
        review.assertClaim(
            station.id(),
            "opened",
            opened,
            span("in March 2022"),
            TEXT,
            List.of(),
            "ana",
            "read it");
    assertThat(c.status()).isEqualTo(ClaimStatus.ALLEGED);
    assertThat(claims.spans(c.id())).hasSize(1);
    assertThat(events).extracting(AuditEvent::action).contains("claim.create", "claim.span");

    Claim again =
        review.assertClaim(
            station.id(), "opened", opened, span("March 2022"), TEXT, List.of(), "bo", "");
    assertThat(again.id()).isEqualTo(c.id());
    assertThat(claims.spans(c.id())).hasSize(2);
  }

  @Test
  void wrongQuoteIsRefusedOnFieldQuote() {
    SourceSpan wrong = new SourceSpan("src1", 0, 8, "A person");
    assertThatThrownBy(
            () ->
                review.assertClaim(
                    station.id(),
                    "name",
                    new ClaimObject.Text("x"),
                    wrong,
                    TEXT,
                    List.of(),
                    "ana",
                    ""))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.fieldProblems()).containsKey("quote");
              assertThat(e.fieldProblems().get("quote")).contains("A bureau");
            });
    assertThat(claims.about(station.id())).isEmpty();
  }

  @Test
  void valuesAreCheckedAgainstThePropertyType() {
    assertThat(review.valueFor("station", "located_in", place.id()))
        .isEqualTo(new ClaimObject.Ref(place.id()));
    assertThat(review.valueFor("station", "status", "Closed"))
        .isEqualTo(new ClaimObject.Code("closed"));
    assertThat(review.valueFor("station", "country", "pt")).isEqualTo(new ClaimObject.Code("PT"));
    ClaimObject.Amount amount =
        (ClaimObject.Amount) review.valueFor("incident", "count", "at least 12 person");
    assertThat(amount.quantity().qualifier()).isEqualTo(Qualifier.AT_LEAST);
    assertThat(amount.quantity().value()).isEqualByComparingTo(BigDecimal.valueOf(12));
    assertThat(amount.quantity().unit()).isEqualTo("person");

    assertField(() -> review.valueFor("station", "status", "thriving"), "value");
    assertField(() -> review.valueFor("station", "opened", "March"), "value");
    assertField(() -> review.valueFor("station", "colour", "red"), "predicate");
    // a station is located in a place, not in another station
    assertField(
        () ->
            review.assertClaim(
                station.id(),
                "located_in",
                review.valueFor("station", "located_in", station.id()),
                span("Lisbon"),
                TEXT,
                List.of(),
                "ana",
                ""),
        "value");
    assertField(
        () ->
            review.assertClaim(
                "station:nosuch",
                "name",
                new ClaimObject.Text("x"),
                span("Lisbon"),
                TEXT,
                List.of(),
                "ana",
                ""),
        "subjectId");
  }

  @Test
  void sealedRecordsTakeNoClaims() {
    EntityRecord sealed =
        records.create(
            "testimony", "T-1", null, ClaimStatus.ALLEGED, new Stamp("seed", Instant.EPOCH));
    assertField(
        () ->
            review.assertClaim(
                sealed.id(),
                "account",
                new ClaimObject.Text("x"),
                span("Lisbon"),
                TEXT,
                List.of(),
                "ana",
                ""),
        "subjectId");
  }

  @Test
  void relabelIsVersionedAndAudited() {
    EntityRecord after = review.relabel(station.id(), 1, "  Lisbon  station ", "ana", "clearer");
    assertThat(after.label()).isEqualTo("Lisbon station");
    assertThat(events).extracting(AuditEvent::action).containsExactly("record.relabel");
    assertThatThrownBy(() -> review.relabel(station.id(), 1, "Other", "bo", ""))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
              assertThat(e.getMessage()).contains("label").contains("ana");
            });
    assertField(() -> review.relabel(station.id(), 2, " ", "bo", ""), "label");
  }

  @Test
  void findRecordsMatchesEitherChineseScriptAndPrefixesFirst() {
    assertThat(review.findRecords("里斯本", null, 10))
        .extracting(EntityRecord::id)
        .contains(place.id());
    assertThat(review.findRecords("裡斯本", "place", 10))
        .extracting(EntityRecord::id)
        .contains(place.id());
    assertThat(review.findRecords("lisbon", null, 10))
        .extracting(EntityRecord::id)
        .containsExactly(station.id(), place.id());
    assertThat(review.findRecords("lisbon", "station", 10)).hasSize(1);
    assertThat(review.findRecords("nowhere", null, 10)).isEmpty();
  }

  @Test
  void findRecordsSeesNewRelabelledAndMergedRecordsAtOnce() {
    Stamp by = new Stamp("seed", Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(review.findRecords("", null, 10)).hasSize(2); // the list is read and kept
    assertThat(review.findRecords("lisb", "station", 10))
        .extracting(EntityRecord::id)
        .containsExactly(station.id());

    EntityRecord porto = records.create("station", "Lisbon Porto", null, ClaimStatus.ALLEGED, by);
    assertThat(review.findRecords("lisb", "station", 10))
        .extracting(EntityRecord::id)
        .containsExactly(station.id(), porto.id());

    review.relabel(porto.id(), 1, "Porto", "ana", "");
    assertThat(review.findRecords("lisb", "station", 10))
        .extracting(EntityRecord::id)
        .containsExactly(station.id());
    assertThat(review.findRecords("porto", null, 10))
        .extracting(EntityRecord::label)
        .containsExactly("Porto");

    review.merge(station.id(), 1, porto.id(), 2, "ana", "same station");
    assertThat(review.findRecords("porto", null, 10)).isEmpty();
    assertThat(review.findRecords("", null, 1))
        .extracting(EntityRecord::id)
        .containsExactly(station.id()); // the first by label, among the live ones
  }

  @Test
  void findRecordsReadInsideARolledBackTransactionIsNotKept() {
    Stamp by = new Stamp("seed", Instant.parse("2026-01-02T00:00:00Z"));
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    () -> {
                      records.create("station", "Ghost", null, ClaimStatus.ALLEGED, by);
                      assertThat(review.findRecords("ghost", null, 10)).hasSize(1);
                      throw new IllegalStateException("roll back");
                    }))
        .hasMessage("roll back");
    records.create("station", "Real", null, ClaimStatus.ALLEGED, by); // the same change stamp
    assertThat(review.findRecords("ghost", null, 10)).isEmpty();
    assertThat(review.findRecords("real", null, 10))
        .extracting(EntityRecord::label)
        .containsExactly("Real");
  }

  @Test
  void allowedStepsFollowTheTransitions() {
    assertThat(review.allowedSteps(ClaimStatus.ALLEGED))
        .containsExactlyInAnyOrder(
            ClaimStatus.CORROBORATED, ClaimStatus.DISPUTED, ClaimStatus.RETRACTED);
    assertThat(review.allowedSteps(ClaimStatus.RETRACTED)).isEmpty();
  }

  private static void assertField(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.fieldProblems()).containsKey(field));
  }
}
