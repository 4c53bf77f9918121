package org.vigil.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.audit.AuditEvent;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.ClaimSpan;
import org.vigil.records.ClaimStore;
import org.vigil.records.Database;
import org.vigil.records.EntityRecord;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.records.ProposalStore;
import org.vigil.records.RecordStore;
import org.vigil.records.StatusChange;
import org.vigil.records.TestAuditTable;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.FuzzyDate;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

class ReviewServiceTest {
  static final String TEXT =
      "Safeguard Defenders says the Fuzhou Public Security Bureau runs a station in Rotterdam,"
          + " in the offices of the Fujian Association. It counts at least 102 stations.";

  @TempDir Path dir;
  Database db;
  RecordStore records;
  ClaimStore claims;
  ProposalStore proposals;
  TestAuditTable auditTable;
  List<AuditEvent> events = new ArrayList<>();
  Map<String, String> clusters = new HashMap<>();
  int failOnEvent = -1;
  ReviewService review;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    records = new RecordStore(db);
    claims = new ClaimStore(db);
    proposals = new ProposalStore(db);
    auditTable = new TestAuditTable(db);
    AuditSink sink =
        event -> {
          // Written inside the caller's transaction, like AuditLog.append.
          auditTable.append(event.action() + " " + event.subject());
          events.add(event);
          if (events.size() == failOnEvent) {
            throw new IllegalStateException("audit store full");
          }
        };
    review =
        new ReviewService(
            db,
            records,
            claims,
            proposals,
            sink,
            Clock.fixed(Instant.parse("2026-02-01T09:00:00Z"), ZoneOffset.UTC),
            source -> clusters.getOrDefault(source, source));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static SourceSpan span(String sourceId, String words) {
    int start = TEXT.indexOf(words);
    return SourceSpan.of(sourceId, TEXT, start, start + words.length());
  }

  static Proposal station(String sourceId) {
    return new Proposal(
        ProposalKind.STATION,
        span(sourceId, "the Fuzhou Public Security Bureau runs a station in Rotterdam"),
        Map.of(
            "city", List.of("Rotterdam"),
            "country", List.of("NL"),
            "agency", List.of("Fuzhou Public Security Bureau"),
            "host", List.of("Fujian Association")),
        0.9);
  }

  ProposalRecord saveOne(String sourceId, Proposal p) {
    return review.saveProposals(sourceId, List.of(p)).get(0);
  }

  AcceptResult acceptStation(String sourceId, List<String> chain) {
    ProposalRecord p = saveOne(sourceId, station(sourceId));
    return review.accept(
        p.id(),
        p.version(),
        "alice",
        "matches the report",
        AcceptOptions.none().attributedTo(chain));
  }

  Claim locatedIn(String stationId) {
    return claims.about(stationId, "located_in").get(0);
  }

  @Test
  void acceptingAStationCreatesStationPlaceOrganisationsAndClaimsCitingTheSpan() {
    AcceptResult r = acceptStation("src1", List.of());

    EntityRecord station = records.require(r.recordId());
    assertThat(station.type()).isEqualTo("station");
    assertThat(station.label()).isEqualTo("Rotterdam (Fuzhou Public Security Bureau)");
    assertThat(records.list("place"))
        .extracting(EntityRecord::label)
        .containsExactly("Rotterdam, NL");
    assertThat(records.list("organization"))
        .extracting(EntityRecord::label)
        .containsExactlyInAnyOrder("Fuzhou Public Security Bureau", "Fujian Association");
    assertThat(claims.about(station.id()))
        .extracting(Claim::predicate)
        .containsExactly("located_in", "country", "operated_by", "hosted_by");
    for (String claimId : r.claimIds()) {
      Claim c = claims.require(claimId);
      assertThat(c.status()).isEqualTo(ClaimStatus.ALLEGED);
      assertThat(claims.spans(claimId))
          .singleElement()
          .satisfies(s -> assertThat(s.span()).isEqualTo(station("src1").span()));
    }
    EntityRecord bureau =
        records.list("organization").stream()
            .filter(o -> o.label().startsWith("Fuzhou"))
            .findFirst()
            .orElseThrow();
    assertThat(claims.about(bureau.id(), "kind"))
        .extracting(Claim::object)
        .containsExactly(new ClaimObject.Code("public_security_bureau"));
    assertThat(r.proposal().status()).isEqualTo(ProposalStatus.ACCEPTED);
    assertThat(r.proposal().resultIds()).containsAll(r.created()).containsAll(r.claimIds());
  }

  @Test
  void aSecondProposalOfTheSameStationReusesItAndAddsEvidence() {
    String stationId = acceptStation("src1", List.of()).recordId();
    ProposalRecord second = saveOne("src2", station("src2"));

    assertThat(review.suggest(second.id())).extracting(EntityRecord::id).containsExactly(stationId);
    AcceptResult r = review.accept(second.id(), second.version(), "bob", "");

    assertThat(r.recordId()).isEqualTo(stationId);
    assertThat(r.created()).isEmpty();
    assertThat(records.list("station")).hasSize(1);
    assertThat(records.list("place")).hasSize(1);
    assertThat(claims.spans(locatedIn(stationId).id()))
        .extracting(s -> s.span().sourceId())
        .containsExactly("src1", "src2");
  }

  @Test
  void twoCopiesInOneDuplicateClusterAreOneOrigin() {
    clusters.put("src1", "cluster-a");
    clusters.put("src2", "cluster-a");
    String stationId = acceptStation("src1", List.of()).recordId();
    acceptStation("src2", List.of());

    Claim claim = locatedIn(stationId);
    assertThat(review.support(claim.id()).describe())
        .isEqualTo("2 documents, 1 independent origin");
    assertThat(claim.status()).isEqualTo(ClaimStatus.ALLEGED);
  }

  @Test
  void twoOutletsRelayingOneNgoReportAreOneOrigin() {
    String stationId =
        acceptStation("src1", List.of("Safeguard Defenders", "Radio Free Asia")).recordId();
    acceptStation("src2", List.of("  SAFEGUARD   defenders ", "Nieuwsuur"));

    Claim claim = locatedIn(stationId);
    assertThat(review.support(claim.id())).isEqualTo(new Support(2, 1));
    assertThat(claim.status()).isEqualTo(ClaimStatus.ALLEGED);
  }

  @Test
  void twoIndependentOriginsCorroborateAutomaticallyAndFallBackWhenClustersJoin() {
    String stationId = acceptStation("src1", List.of()).recordId();
    acceptStation("src2", List.of());

    Claim claim = locatedIn(stationId);
    assertThat(review.support(claim.id()).describe())
        .isEqualTo("2 documents, 2 independent origins");
    assertThat(claim.status()).isEqualTo(ClaimStatus.CORROBORATED);
    assertThat(claims.history(claim.id()))
        .extracting(StatusChange::to)
        .containsExactly(ClaimStatus.ALLEGED, ClaimStatus.CORROBORATED);
    assertThat(claims.history(claim.id()).get(1).reason())
        .isEqualTo("automatic: 2 documents, 2 independent origins");

    // dedup later finds src2 is a copy of src1
    clusters.put("src2", "src1");
    assertThat(review.recount(claim.id(), "dedup").status()).isEqualTo(ClaimStatus.ALLEGED);
  }

  @Test
  void addSpanAddsEvidenceAndCanCorroborate() {
    String stationId = acceptStation("src1", List.of()).recordId();
    Claim claim = locatedIn(stationId);
    ClaimSpan added =
        review.addSpan(
            claim.id(), span("court-1", "a station in Rotterdam"), List.of("Dutch court"), "carol");
    assertThat(added.attribution()).containsExactly("Dutch court");
    assertThat(claims.require(claim.id()).status()).isEqualTo(ClaimStatus.CORROBORATED);
  }

  @Test
  void statusTransitionsAreKeptInHistory() {
    String stationId = acceptStation("src1", List.of()).recordId();
    acceptStation("src2", List.of());
    Claim claim = locatedIn(stationId); // corroborated

    Claim confirmed =
        review.setStatus(
            claim.id(), claim.version(), ClaimStatus.CONFIRMED, "alice", "court record 2024/113");
    Claim disputed =
        review.setStatus(
            claim.id(), confirmed.version(), ClaimStatus.DISPUTED, "bob", "landlord denies it");
    Claim back = review.setStatus(claim.id(), disputed.version(), ClaimStatus.ALLEGED, "bob", "");

    // back to alleged, the two independent origins corroborate it again at once
    assertThat(back.status()).isEqualTo(ClaimStatus.CORROBORATED);
    assertThat(claims.history(claim.id()))
        .extracting(StatusChange::from, StatusChange::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, ClaimStatus.ALLEGED),
            org.assertj.core.groups.Tuple.tuple(ClaimStatus.ALLEGED, ClaimStatus.CORROBORATED),
            org.assertj.core.groups.Tuple.tuple(ClaimStatus.CORROBORATED, ClaimStatus.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple(ClaimStatus.CONFIRMED, ClaimStatus.DISPUTED),
            org.assertj.core.groups.Tuple.tuple(ClaimStatus.DISPUTED, ClaimStatus.ALLEGED),
            org.assertj.core.groups.Tuple.tuple(ClaimStatus.ALLEGED, ClaimStatus.CORROBORATED));
    assertThat(claims.history(claim.id()).get(2).by().actor()).isEqualTo("alice");
    assertThat(claims.history(claim.id()).get(2).reason()).isEqualTo("court record 2024/113");
  }

  @Test
  void invalidTransitionsAreRefusedWithClearErrors() {
    String stationId = acceptStation("src1", List.of()).recordId();
    Claim claim = locatedIn(stationId); // alleged, one origin

    assertThatThrownBy(
            () ->
                review.setStatus(claim.id(), claim.version(), ClaimStatus.CONFIRMED, "alice", "x"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("a claim cannot go from alleged to confirmed")
        .hasMessageContaining("it may go to: corroborated, disputed, retracted");
    assertThatThrownBy(
            () ->
                review.setStatus(
                    claim.id(), claim.version(), ClaimStatus.CORROBORATED, "alice", "x"))
        .hasMessageContaining("corroborated needs two independent origins")
        .hasMessageContaining("1 document, 1 independent origin");

    acceptStation("src2", List.of());
    Claim fresh = claims.require(claim.id()); // now corroborated
    assertThat(fresh.status()).isEqualTo(ClaimStatus.CORROBORATED);
    assertThatThrownBy(
            () ->
                review.setStatus(fresh.id(), fresh.version(), ClaimStatus.CONFIRMED, "alice", " "))
        .hasMessageContaining("confirming a claim needs a reason");
    assertThat(claims.history(fresh.id())).hasSize(2);

    Claim retracted =
        review.setStatus(fresh.id(), fresh.version(), ClaimStatus.RETRACTED, "alice", "hoax");
    assertThatThrownBy(
            () ->
                review.setStatus(
                    claim.id(), retracted.version(), ClaimStatus.ALLEGED, "alice", "oops"))
        .hasMessageContaining("nothing (retracted is final)");
  }

  @Test
  void aStaleVersionIsAConflictNamingWhatChangedAndWho() {
    String stationId = acceptStation("src1", List.of()).recordId();
    Claim read = locatedIn(stationId); // alice and bob both read this version
    review.setStatus(read.id(), read.version(), ClaimStatus.DISPUTED, "bob", "denied");

    assertThatThrownBy(
            () -> review.setStatus(read.id(), read.version(), ClaimStatus.RETRACTED, "alice", ""))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("status alleged → disputed by bob")
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(ErrorCode.CONFLICT.kind()).isEqualTo(ErrorCode.Kind.INVALID_INPUT);

    ProposalRecord p = saveOne("src9", station("src9"));
    review.reject(p.id(), p.version(), "alice", "not a station");
    assertThatThrownBy(() -> review.accept(p.id(), p.version(), "bob", ""))
        .hasMessageContaining("status open → rejected by alice")
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void mergeMovesEveryClaimAndKeepsEverySource() {
    String first = acceptStation("src1", List.of()).recordId();
    ProposalRecord p = saveOne("src2", station("src2"));
    String second =
        review
            .accept(p.id(), p.version(), "bob", "", new AcceptOptions(null, null, List.of(), true))
            .recordId();
    assertThat(second).isNotEqualTo(first);
    ProposalRecord incident =
        saveOne(
            "src3",
            new Proposal(
                ProposalKind.INCIDENT,
                span("src3", "runs a station"),
                Map.of("tactic", List.of("persuasion_to_return")),
                0.5));
    String incidentId = review.accept(incident.id(), incident.version(), "bob", "").recordId();
    Claim link =
        claims.create(
            incidentId,
            "linked_station",
            new ClaimObject.Ref(second),
            ClaimStatus.ALLEGED,
            new org.vigil.records.Stamp("bob", Instant.now()),
            "");
    int claimsBefore = claims.about(first).size() + claims.about(second).size();

    review.merge(
        first,
        records.require(first).version(),
        second,
        records.require(second).version(),
        "alice",
        "same station, two reports");

    assertThat(claims.about(second)).isEmpty();
    // The two reports make the same claims: each pair is now one claim with both spans.
    assertThat(claimsBefore).isEqualTo(2 * claims.about(first).size());
    assertThat(claims.about(first)).allSatisfy(c -> assertThat(claims.spans(c.id())).hasSize(2));
    assertThat(claims.require(link.id()).object()).isEqualTo(new ClaimObject.Ref(first));
    assertThat(
            claims.about(first).stream()
                .flatMap(c -> claims.spans(c.id()).stream())
                .map(s -> s.span().sourceId())
                .distinct())
        .containsExactlyInAnyOrder("src1", "src2");
    assertThat(records.resolve(second)).isEqualTo(first);
    assertThat(records.list("station")).extracting(EntityRecord::id).containsExactly(first);
    assertThat(records.changesSince(second, 0))
        .extracting(c -> c.field())
        .contains("created", "merged_into");
    assertThat(events).extracting(AuditEvent::action).contains("record.merge");
    assertThatThrownBy(
            () -> review.merge(first, records.require(first).version(), second, 2, "bob", "again"))
        .isInstanceOf(VigilException.class);
  }

  String acceptSeparately(String sourceId, List<String> chain) {
    ProposalRecord p = saveOne(sourceId, station(sourceId));
    return review
        .accept(
            p.id(),
            p.version(),
            "bob",
            "",
            new AcceptOptions(null, null, List.of(), true).attributedTo(chain))
        .recordId();
  }

  void mergeInto(String survivor, String duplicate) {
    review.merge(
        survivor,
        records.require(survivor).version(),
        duplicate,
        records.require(duplicate).version(),
        "alice",
        "same station");
  }

  @Test
  void mergeCombinesIdenticalClaimsKeepingEverySpanChainAndStep() {
    String first = acceptStation("src1", List.of("Safeguard Defenders")).recordId();
    String second = acceptSeparately("src2", List.of("a local newspaper", "a wire service"));
    Claim kept = locatedIn(first);
    Claim folded = locatedIn(second);
    claims.setStatus(folded.id(), folded.version(), ClaimStatus.CONFIRMED, stampOf("carol"), "x");

    mergeInto(first, second);

    List<Claim> located = claims.about(first, "located_in");
    assertThat(located).singleElement().extracting(Claim::id).isEqualTo(kept.id());
    assertThat(located.get(0).status()).isEqualTo(ClaimStatus.CONFIRMED);
    assertThat(claims.spans(kept.id()))
        .extracting(s -> s.span().sourceId(), ClaimSpan::attribution)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("src1", List.of("Safeguard Defenders")),
            org.assertj.core.groups.Tuple.tuple(
                "src2", List.of("a local newspaper", "a wire service")));
    assertThat(claims.find(folded.id())).isEmpty();
    assertThat(claims.combinedInto(folded.id())).contains(kept.id());
    assertThat(claims.history(kept.id()))
        .extracting(StatusChange::claimId, StatusChange::to)
        .contains(
            org.assertj.core.groups.Tuple.tuple(folded.id(), ClaimStatus.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple(kept.id(), ClaimStatus.CONFIRMED));
    assertThat(review.support(kept.id()).documents()).isEqualTo(2);
    AuditEvent combine =
        events.stream()
            .filter(e -> e.action().equals("claim.combine") && e.subject().equals(kept.id()))
            .findFirst()
            .orElseThrow();
    assertThat(combine.after()).contains(kept.id(), folded.id());
    assertThat(combine.before()).contains(folded.id());
  }

  @Test
  void mergeCombiningTwoOriginsCorroboratesAndKeepsADispute() {
    String first = acceptStation("src1", List.of()).recordId();
    String second = acceptSeparately("src2", List.of());
    String third = acceptSeparately("src3", List.of());
    Claim country = claims.about(third, "country").get(0);
    claims.setStatus(
        country.id(), country.version(), ClaimStatus.DISPUTED, stampOf("carol"), "wrong country");

    mergeInto(first, second);
    assertThat(locatedIn(first).status()).isEqualTo(ClaimStatus.CORROBORATED);

    mergeInto(first, third);
    assertThat(claims.about(first, "country"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ClaimStatus.DISPUTED);
              assertThat(claims.spans(c.id())).hasSize(3);
            });
  }

  @Test
  void mergeLeavesARetractedClaimApart() {
    String first = acceptStation("src1", List.of()).recordId();
    String second = acceptSeparately("src2", List.of());
    Claim retracted = locatedIn(second);
    claims.setStatus(
        retracted.id(), retracted.version(), ClaimStatus.RETRACTED, stampOf("carol"), "withdrawn");

    mergeInto(first, second);

    assertThat(claims.about(first, "located_in"))
        .extracting(Claim::status)
        .containsExactlyInAnyOrder(ClaimStatus.ALLEGED, ClaimStatus.RETRACTED);
  }

  @Test
  void combinedStatusIsTheStrongerAndADisputeStays() {
    assertThat(Transitions.combined(ClaimStatus.ALLEGED, ClaimStatus.CONFIRMED))
        .isEqualTo(ClaimStatus.CONFIRMED);
    assertThat(Transitions.combined(ClaimStatus.CORROBORATED, ClaimStatus.PROPOSED))
        .isEqualTo(ClaimStatus.CORROBORATED);
    assertThat(Transitions.combined(ClaimStatus.CONFIRMED, ClaimStatus.DISPUTED))
        .isEqualTo(ClaimStatus.DISPUTED);
    assertThatThrownBy(() -> Transitions.combined(ClaimStatus.RETRACTED, ClaimStatus.ALLEGED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static org.vigil.records.Stamp stampOf(String who) {
    return new org.vigil.records.Stamp(who, Instant.parse("2026-02-01T08:00:00Z"));
  }

  @Test
  void aRecordsStatusFollowsItsDefiningClaims() {
    String station = acceptStation("src1", List.of()).recordId();
    assertThat(review.withDerivedStatus(records.require(station)).status())
        .isEqualTo(ClaimStatus.ALLEGED);
    for (String predicate : List.of("located_in", "country")) {
      Claim c = claims.about(station, predicate).get(0);
      review.setStatus(c.id(), c.version(), ClaimStatus.DISPUTED, "carol", "no such office");
    }
    assertThat(review.withDerivedStatus(records.require(station)).status())
        .isEqualTo(ClaimStatus.DISPUTED);
    // the list form reads all claims at once and derives the same, in the list's order
    EntityRecord place =
        records.require(((ClaimObject.Ref) locatedIn(station).object()).entityId());
    assertThat(review.withDerivedStatus(List.of(place, records.require(station), place)))
        .extracting(EntityRecord::id, EntityRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                place.id(), review.withDerivedStatus(place).status()),
            org.assertj.core.groups.Tuple.tuple(station, ClaimStatus.DISPUTED),
            org.assertj.core.groups.Tuple.tuple(
                place.id(), review.withDerivedStatus(place).status()));
    acceptSeparately("src2", List.of());
    String other = acceptSeparately("src3", List.of());
    mergeInto(station, other);
    // The merged-in alleged evidence does not settle the dispute.
    assertThat(review.withDerivedStatus(records.require(station)).status())
        .isEqualTo(ClaimStatus.DISPUTED);
    Claim city = locatedIn(station);
    review.setStatus(city.id(), city.version(), ClaimStatus.ALLEGED, "carol", "office found");
    // Back to alleged, the city claim's two origins corroborate it, and so the station.
    assertThat(review.withDerivedStatus(records.require(station)).status())
        .isEqualTo(ClaimStatus.CORROBORATED);
  }

  @Test
  void rejectingLeavesNoRecord() {
    ProposalRecord p = saveOne("src1", station("src1"));
    ProposalRecord rejected = review.reject(p.id(), p.version(), "alice", "a restaurant");

    assertThat(rejected.status()).isEqualTo(ProposalStatus.REJECTED);
    assertThat(rejected.decided().actor()).isEqualTo("alice");
    assertThat(records.count()).isZero();
    assertThat(claims.count()).isZero();
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly("proposal.save", "proposal.reject");
  }

  @Test
  void everyMutationAppendsAnAuditEvent() {
    AcceptResult r = acceptStation("src1", List.of());

    List<String> actions = events.stream().map(AuditEvent::action).toList();
    assertThat(actions).filteredOn("record.create"::equals).hasSize(r.created().size());
    assertThat(actions).filteredOn("claim.create"::equals).hasSize((int) claims.count());
    assertThat(actions).filteredOn("claim.span"::equals).hasSize((int) claims.count());
    assertThat(actions).last().isEqualTo("proposal.accept");
    assertThat(events)
        .filteredOn(e -> e.action().equals("proposal.accept"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("alice");
              assertThat(e.reason()).isEqualTo("matches the report");
              assertThat(e.before()).contains("\"status\":\"OPEN\"");
              assertThat(e.after()).contains("\"status\":\"ACCEPTED\"");
            });
    assertThat(auditTable.lines()).hasSize(events.size());
  }

  @Test
  void nothingIsAppendedOrStoredWhenTheTransactionRollsBack() {
    ProposalRecord p = saveOne("src1", station("src1"));
    int saved = auditTable.lines().size();
    failOnEvent = events.size() + 4; // fails part-way through the acceptance

    assertThatThrownBy(() -> review.accept(p.id(), p.version(), "alice", ""))
        .isInstanceOf(IllegalStateException.class);

    assertThat(auditTable.lines()).hasSize(saved);
    assertThat(records.count()).isZero();
    assertThat(claims.count()).isZero();
    assertThat(proposals.require(p.id()).status()).isEqualTo(ProposalStatus.OPEN);
    assertThat(proposals.require(p.id()).version()).isEqualTo(p.version());
  }

  @Test
  void savingProposalsAgainReplacesOpenOnesAndKeepsDecidedOnes() {
    Proposal stationProposal = station("src1");
    Proposal count =
        new Proposal(
            ProposalKind.QUANTITY,
            span("src1", "at least 102 stations"),
            Map.of(
                "value", List.of("102"),
                "unit", List.of("station"),
                "qualifier", List.of("at_least")),
            0.8);
    List<ProposalRecord> first = review.saveProposals("src1", List.of(stationProposal, count));
    ProposalRecord decided = first.get(0);
    review.accept(decided.id(), decided.version(), "alice", "");

    List<ProposalRecord> again = review.saveProposals("src1", List.of(stationProposal, count));
    assertThat(again).extracting(ProposalRecord::id).containsExactly(first.get(1).id());
    assertThat(review.list(ProposalFilter.ofSource("src1"))).hasSize(2);

    List<ProposalRecord> changed = review.saveProposals("src1", List.of());
    assertThat(changed).isEmpty();
    assertThat(review.list(ProposalFilter.ofSource("src1")))
        .extracting(ProposalRecord::status)
        .containsExactly(ProposalStatus.ACCEPTED);
  }

  @Test
  void quantitiesAndDatesAttachToASubjectOrStayFree() {
    String stationId = acceptStation("src1", List.of()).recordId();
    Proposal count =
        new Proposal(
            ProposalKind.QUANTITY,
            span("src1", "at least 102 stations"),
            Map.of(
                "value", List.of("102"),
                "unit", List.of("station"),
                "qualifier", List.of("at_least")),
            0.8);
    Proposal opened =
        new Proposal(
            ProposalKind.DATE,
            span("src1", "runs a station"),
            Map.of("date", List.of("2018-05"), "precision", List.of("month")),
            0.6);
    List<ProposalRecord> saved =
        review.saveProposals("src1", List.of(count, opened)).stream()
            .sorted(java.util.Comparator.comparing(r -> r.proposal().kind()))
            .toList(); // QUANTITY before DATE

    AcceptResult free =
        review.accept(
            saved.get(0).id(),
            saved.get(0).version(),
            "alice",
            "",
            AcceptOptions.none().attributedTo(List.of("Safeguard Defenders")));
    assertThat(free.recordId()).isNull();
    Claim amount = claims.require(free.claimIds().get(0));
    assertThat(amount.subjectId()).isNull();
    assertThat(amount.predicate()).isEqualTo("quantity");
    assertThat(((ClaimObject.Amount) amount.object()).quantity().qualifier().code())
        .isEqualTo("at_least");
    assertThat(claims.spans(amount.id()).get(0).attribution())
        .containsExactly("Safeguard Defenders");

    assertThatThrownBy(
            () ->
                review.accept(
                    saved.get(1).id(),
                    saved.get(1).version(),
                    "alice",
                    "",
                    AcceptOptions.about(stationId)))
        .hasMessageContaining("a station has no 'date'");
    AcceptResult dated =
        review.accept(
            saved.get(1).id(),
            saved.get(1).version(),
            "alice",
            "",
            AcceptOptions.about(stationId).withPredicate("opened"));
    assertThat(claims.about(stationId, "opened"))
        .extracting(Claim::object)
        .containsExactly(new ClaimObject.Date(FuzzyDate.month(2018, 5)));
    assertThat(dated.recordId()).isEqualTo(stationId);
  }

  @Test
  void anIncidentGetsTacticPlaceAndDateClaimsAndUnknownTacticsAreRefused() {
    ProposalRecord p =
        saveOne(
            "src1",
            new Proposal(
                ProposalKind.INCIDENT,
                span("src1", "runs a station in Rotterdam"),
                Map.of(
                    "tactic", List.of("persuasion_to_return"),
                    "target", List.of("a dissident living in the Netherlands"),
                    "place", List.of("Rotterdam"),
                    "country", List.of("NL"),
                    "date", List.of("2022")),
                0.7));
    AcceptResult r = review.accept(p.id(), p.version(), "alice", "");
    assertThat(records.require(r.recordId()).label())
        .isEqualTo("Persuasion to return in Rotterdam");
    assertThat(claims.about(r.recordId()))
        .extracting(Claim::predicate)
        .containsExactly("tactic", "target", "place", "date");

    ProposalRecord bad =
        saveOne(
            "src2",
            new Proposal(
                ProposalKind.INCIDENT,
                span("src2", "runs a station"),
                Map.of("tactic", List.of("kidnapping")),
                0.4));
    assertThatThrownBy(() -> review.accept(bad.id(), bad.version(), "alice", ""))
        .hasMessageContaining("'kidnapping' is not a tactic code");
    AcceptResult edited =
        review.edit(
            bad.id(),
            bad.version(),
            "alice",
            Map.of("tactic", List.of("rendition")),
            "the source describes a forced return",
            AcceptOptions.none());
    assertThat(edited.proposal().status()).isEqualTo(ProposalStatus.EDITED);
    assertThat(edited.proposal().proposal().first("tactic")).isEqualTo("rendition");
    assertThat(edited.proposal().extracted().get("tactic")).containsExactly("kidnapping");
  }
}
