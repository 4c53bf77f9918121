package org.vigil.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.export.ReleaseFixture.claim;
import static org.vigil.export.ReleaseFixture.en;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.schema.SourceSpan;

/** One rule of the redaction per test. */
class RedactorTest {
  static ReleasePolicy policy(String json) {
    return ReleasePolicy.parse(json);
  }

  static final ReleasePolicy EXACT =
      policy(
          "{\"name\": \"t\", \"incidentPlace\": \"exact\", \"incidentDate\": \"day\","
              + " \"statuses\": [\"alleged\", \"corroborated\", \"confirmed\"]}");

  static Snapshot.Record incident(String id, Snapshot.Claim... claims) {
    return new Snapshot.Record(
        id, "incident", "Incident " + id, "active", null, null, List.of(claims));
  }

  static Snapshot.Record place(
      String id, String name, Double lat, Double lon, Snapshot.Claim... cs) {
    return new Snapshot.Record(id, "place", name, "active", lat, lon, List.of(cs));
  }

  static Snapshot one(Snapshot.Record... records) {
    return new Snapshot(List.of(records), List.of());
  }

  static Snapshot.Record find(Snapshot s, String id) {
    return s.record(id).orElseThrow(() -> new AssertionError("no record " + id));
  }

  @Test
  void guardDropsSealedAndTestimonyLikeRecordsAndWitnessPredicatesWhateverThePolicy() {
    Snapshot s =
        one(
            new Snapshot.Record(
                "testimony:1",
                "testimony",
                "W-17 account",
                "active",
                null,
                null,
                List.of(claim("t1", "account", "they came at night", null, "confirmed"))),
            new Snapshot.Record(
                "witness_statement:1",
                "witness_statement",
                "Statement of W-18",
                "active",
                null,
                null,
                List.of(claim("t2", "name", "W-18", null, "confirmed"))),
            incident(
                "incident:1",
                claim("i1", "tactic", "surveillance", null, "confirmed"),
                claim("i2", "witness_pseudonym", "W-17", null, "confirmed"),
                claim("i3", "target", "a student known as Lotus", null, "confirmed"),
                claim("i4", "testimony_ref", null, "testimony:1", "confirmed")));
    Snapshot r = Redactor.apply(s, EXACT);
    assertThat(r.records()).extracting(Snapshot.Record::id).containsExactly("incident:1");
    assertThat(find(r, "incident:1").claims()).extracting(Snapshot.Claim::id).containsExactly("i1");
    assertThat(r.toString()).doesNotContain("W-17", "W-18", "Lotus", "they came at night");
  }

  @Test
  void witnessWordsAreRecognisedInAnyCase() {
    assertThat(Redactor.namesWitness("Testimony")).isTrue();
    assertThat(Redactor.namesWitness("witness_id")).isTrue();
    assertThat(Redactor.namesWitness("target_pseudonym")).isTrue();
    assertThat(Redactor.namesWitness("tactic")).isFalse();
  }

  @Test
  void claimsInUnpublishedStatusesGoAndRecordsAndLinksThatRestedOnlyOnThemFollow() {
    Snapshot s =
        one(
            place(
                "place:1",
                "Ghent",
                null,
                null,
                claim("p1", "name", "Ghent", null, "alleged"),
                claim("p2", "country", "BE", null, "alleged")),
            new Snapshot.Record(
                "station:1",
                "station",
                "Ghent office",
                "active",
                null,
                null,
                List.of(
                    claim("s1", "located_in", null, "place:1", "confirmed"),
                    claim("s2", "status", "closed", null, "corroborated"),
                    claim("s3", "opened", "2022-01-01", null, "disputed"))));
    Snapshot r =
        Redactor.apply(
            s,
            policy(
                "{\"name\": \"t\", \"incidentPlace\": \"exact\", \"incidentDate\": \"day\","
                    + " \"statuses\": [\"corroborated\", \"confirmed\"]}"));
    assertThat(r.record("place:1")).isEmpty();
    // the link to the unpublished place goes with it; the station stands on its status claim
    assertThat(find(r, "station:1").claims()).extracting(Snapshot.Claim::id).containsExactly("s2");
  }

  @Test
  void datesLoseTheirDayOrMonthAndRangesWidenToWholeMonthsOrYears() {
    Snapshot s =
        one(
            incident(
                "incident:1",
                claim("a", "tactic", "surveillance", null, "confirmed"),
                claim("b", "date", "2022-09-12", null, "confirmed")),
            incident(
                "incident:2",
                claim("c", "tactic", "surveillance", null, "confirmed"),
                claim("d", "date", "2022-09-12/2022-09-20", null, "confirmed")),
            incident(
                "incident:3",
                claim("e", "tactic", "surveillance", null, "confirmed"),
                claim("f", "date", "2021-12-30/2022-01-02", null, "confirmed")));
    Snapshot month =
        Redactor.apply(
            s,
            policy("{\"name\": \"t\", \"incidentPlace\": \"exact\", \"incidentDate\": \"month\"}"));
    assertThat(value(month, "incident:1", "date")).isEqualTo("2022-09");
    assertThat(value(month, "incident:2", "date")).isEqualTo("2022-09");
    assertThat(value(month, "incident:3", "date")).isEqualTo("2021-12-01/2022-01-31");
    Snapshot year =
        Redactor.apply(
            s,
            policy("{\"name\": \"t\", \"incidentPlace\": \"exact\", \"incidentDate\": \"year\"}"));
    assertThat(value(year, "incident:1", "date")).isEqualTo("2022");
    assertThat(value(year, "incident:2", "date")).isEqualTo("2022");
    assertThat(value(year, "incident:3", "date")).isEqualTo("2021-01-01/2022-12-31");
    assertThat(value(Redactor.apply(s, EXACT), "incident:1", "date")).isEqualTo("2022-09-12");
  }

  @Test
  void dayFormsCoverIsoEnglishAndChinese() {
    assertThat(Redactor.dayForms(LocalDate.of(2022, 9, 12)))
        .contains("2022-09-12", "12 September 2022", "September 12, 2022", "2022年9月12日", "9月12日");
    assertThat(Redactor.monthForms(YearMonth.of(2022, 9)))
        .contains("2022-09", "September 2022", "2022年9月");
  }

  @Test
  void cityLevelReplacesOwnCoordinatesWithTheGazetteerCitysAndDropsTheGeoClaim() {
    Snapshot s =
        one(
            place(
                "place:1",
                "Ghent",
                51.05432,
                3.71987,
                claim("p1", "name", "Ghent", null, "confirmed"),
                claim("p2", "country", "BE", null, "confirmed"),
                claim("p3", "geo", "51.05432,3.71987", null, "confirmed")),
            incident(
                "incident:1",
                claim("a", "tactic", "surveillance", null, "confirmed"),
                claim("b", "place", null, "place:1", "confirmed")));
    ReleasePolicy city =
        policy("{\"name\": \"t\", \"incidentPlace\": \"city\", \"incidentDate\": \"day\"}");
    Snapshot r =
        Redactor.apply(
            s,
            city,
            (name, country) ->
                name.equals("Ghent") && "BE".equals(country)
                    ? Optional.of(new double[] {51.05, 3.72})
                    : Optional.empty());
    Snapshot.Record p = find(r, "place:1");
    assertThat(p.lat()).isEqualTo(51.05);
    assertThat(p.lon()).isEqualTo(3.72);
    assertThat(p.claims()).extracting(Snapshot.Claim::predicate).doesNotContain("geo");
    assertThat(p.label()).isEqualTo("Ghent");
    // without a gazetteer the city has no point at all rather than the exact one
    Snapshot none = Redactor.apply(s, city);
    assertThat(find(none, "place:1").lat()).isNull();
    assertThat(none.toString()).doesNotContain("51.05432", "3.71987");
  }

  @Test
  void countryLevelMovesIncidentsToTheirCountryAndDropsPlacesOnlyIncidentsUsed() {
    Snapshot s =
        one(
            place(
                "place:1",
                "Ghent",
                51.05,
                3.72,
                claim("p1", "name", "Ghent", null, "confirmed"),
                claim("p2", "country", "BE", null, "confirmed")),
            place(
                "place:2",
                "Antwerp",
                51.22,
                4.40,
                claim("p3", "name", "Antwerp", null, "confirmed"),
                claim("p4", "country", "BE", null, "confirmed")),
            new Snapshot.Record(
                "station:1",
                "station",
                "Antwerp office",
                "active",
                null,
                null,
                List.of(claim("s1", "located_in", null, "place:2", "confirmed"))),
            incident(
                "incident:1",
                claim("a", "tactic", "surveillance", null, "confirmed"),
                claim("b", "place", null, "place:1", "confirmed")),
            incident(
                "incident:2",
                claim("c", "tactic", "assault", null, "confirmed"),
                claim("d", "place", null, "place:2", "confirmed")));
    Snapshot r =
        Redactor.apply(
            s,
            policy("{\"name\": \"t\", \"incidentPlace\": \"country\", \"incidentDate\": \"day\"}"));
    assertThat(r.record("place:1")).isEmpty();
    // a station still says it is in Antwerp: that place stays, but not as the incident's place
    assertThat(r.record("place:2")).isPresent();
    Snapshot.Record be = find(r, "place:country-be");
    assertThat(be.label()).isEqualTo("Belgium");
    assertThat(be.lat()).isNull();
    assertThat(r.country(be).orElseThrow().text()).isEqualTo("BE");
    for (String id : List.of("incident:1", "incident:2")) {
      Snapshot.Record i = find(r, id);
      assertThat(i.claims("place").get(0).objectId()).isEqualTo("place:country-be");
      assertThat(r.coordinates(i)).isEmpty();
      assertThat(i.label()).endsWith(" in Belgium");
    }
  }

  @Test
  void aRegionIsKeptAtCityLevelButMovedToItsCountryAtCountryLevel() {
    Snapshot s =
        one(
            place(
                "place:1",
                "Flanders",
                null,
                null,
                claim("p1", "kind", "region", null, "confirmed"),
                claim("p2", "country", "BE", null, "confirmed")),
            incident(
                "incident:1",
                claim("a", "tactic", "surveillance", null, "confirmed"),
                claim("b", "place", null, "place:1", "confirmed")));
    Snapshot city = Redactor.apply(s, policy("{\"name\": \"t\", \"incidentPlace\": \"city\"}"));
    assertThat(find(city, "incident:1").claims("place").get(0).objectId()).isEqualTo("place:1");
    Snapshot country =
        Redactor.apply(s, policy("{\"name\": \"t\", \"incidentPlace\": \"country\"}"));
    assertThat(find(country, "incident:1").claims("place").get(0).objectId())
        .isEqualTo("place:country-be");
    assertThat(country.record("place:1")).isEmpty();
  }

  @Test
  void quotesOnCoarsenedIncidentsAndQuotesContainingARemovedValueAreWithheld() {
    SourceSpan dayQuote = en("On 12 September 2022");
    Snapshot s =
        new Snapshot(
            List.of(
                incident(
                    "incident:1",
                    claim(
                        "a",
                        "tactic",
                        "persuasion_to_return",
                        null,
                        "confirmed",
                        en("told her to go back")),
                    claim("b", "date", "2022-09-12", null, "confirmed", dayQuote)),
                new Snapshot.Record(
                    "station:1",
                    "station",
                    "Office",
                    "active",
                    null,
                    null,
                    List.of(
                        claim(
                            "s1",
                            "status",
                            "operating",
                            null,
                            "confirmed",
                            en("On 12 September 2022 two men"))))),
            List.of(
                new Snapshot.Source(
                    ReleaseFixture.EN_SOURCE,
                    "Article",
                    "Harbour Gazette",
                    null,
                    "https://harbourgazette.example/a",
                    ReleaseFixture.EN_SOURCE + "0".repeat(48))));
    Snapshot r =
        Redactor.apply(
            s,
            policy("{\"name\": \"t\", \"incidentPlace\": \"exact\", \"incidentDate\": \"month\"}"));
    Snapshot.Record i = find(r, "incident:1");
    for (Snapshot.Claim c : i.claims()) {
      assertThat(c.spans())
          .singleElement()
          .satisfies(
              sp -> {
                assertThat(sp.quote()).isEmpty();
                assertThat(sp.sourceId()).isEqualTo(ReleaseFixture.EN_SOURCE);
              });
    }
    // the station's claim is not coarsened, but its quote states the removed day
    assertThat(find(r, "station:1").claims().get(0).spans().get(0).quote()).isEmpty();
    assertThat(r.sources()).singleElement().satisfies(src -> assertThat(src.url()).isNotNull());
  }

  @Test
  void sourceUrlsQuotesPublishersAndPropertiesFollowThePolicy() {
    Snapshot s = ReleaseFixture.snapshot();
    Snapshot r =
        Redactor.apply(
            s,
            policy(
                "{\"name\": \"t\", \"incidentPlace\": \"exact\", \"incidentDate\": \"day\","
                    + " \"includeSourceUrls\": false, \"includeQuotes\": false,"
                    + " \"excludePublishers\": [\"gossip sheet\"],"
                    + " \"dropProperties\": [\"incident.date\", \"geo\"]}"));
    assertThat(r.sources()).allSatisfy(src -> assertThat(src.url()).isNull());
    assertThat(r.sources())
        .extracting(Snapshot.Source::id)
        .doesNotContain(ReleaseFixture.HIDDEN_PUBLISHER_SOURCE);
    for (Snapshot.Record rec : r.records()) {
      for (Snapshot.Claim c : rec.claims()) {
        assertThat(c.spans()).allSatisfy(sp -> assertThat(sp.quote()).isEmpty());
        assertThat(c.predicate()).isNotEqualTo("geo");
        if (rec.type().equals("incident")) {
          assertThat(c.predicate()).isNotEqualTo("date");
        }
      }
    }
    // responses keep their date: the drop named incident.date only
    assertThat(value(r, "response:x4y5z6a7b8", "date")).isEqualTo("2022-11-03");
  }

  @Test
  void aRecordWhoseNameIsUnpublishedGetsALabelThatDoesNotRepeatIt() {
    Snapshot s =
        one(
            new Snapshot.Record(
                "station:1",
                "station",
                "Hushhush Hall",
                "active",
                null,
                null,
                List.of(
                    claim("s1", "name", "Hushhush Hall", null, "alleged"),
                    claim("s2", "name", "Community centre", null, "confirmed"),
                    claim("s3", "status", "operating", null, "confirmed"))));
    Snapshot r =
        Redactor.apply(
            s,
            policy("{\"name\": \"t\", \"statuses\": [\"confirmed\"], \"incidentDate\": \"day\"}"));
    assertThat(find(r, "station:1").label()).isEqualTo("Community centre");
  }

  @Test
  void theInputSnapshotIsNotChanged() {
    Snapshot s = ReleaseFixture.snapshot();
    String before = s.toString();
    Redactor.apply(s, policy("{\"name\": \"t\"}"));
    assertThat(s.toString()).isEqualTo(before);
  }

  static String value(Snapshot s, String id, String predicate) {
    return find(s, id).claims(predicate).get(0).value();
  }
}
