package org.vigil.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vigil.schema.SourceSpan;

/**
 * A record with incidents at exact places (city and coordinates) and on exact days, claims in every
 * status, quotes in English and Chinese; every text is written for this test.
 */
final class ReleaseFixture {
  static final String EN_SOURCE = "aaaa111122223333";
  static final String ZH_SOURCE = "bbbb111122223333";
  static final String LEAKY_SOURCE = "cccc111122223333";
  static final String HIDDEN_PUBLISHER_SOURCE = "dddd111122223333";

  static final String EN_TEXT =
      "On 12 September 2022 two men followed a student from her flat in Vlaardingen and told her"
          + " to go back. A station was reported at an office in Rotterdam. Residents said at least"
          + " 7777 people were watched. The Quillfeather House was named as a second station. The"
          + " office later called itself Secretline Office.";
  static final String ZH_TEXT = "2023年3月5日，一名留学生在兹沃勒被要求回国。";
  static final String LEAKY_TEXT = "Report on the Vlaardingen case of 12 September 2022.";
  static final String HIDDEN_TEXT = "An office in Rotterdam was an overseas station.";

  private ReleaseFixture() {}

  static SourceSpan en(String quote) {
    int i = EN_TEXT.indexOf(quote);
    if (i < 0) {
      throw new IllegalArgumentException(quote);
    }
    return SourceSpan.of(EN_SOURCE, EN_TEXT, i, i + quote.length());
  }

  static SourceSpan zh(String quote) {
    int i = ZH_TEXT.indexOf(quote);
    return SourceSpan.of(ZH_SOURCE, ZH_TEXT, i, i + quote.length());
  }

  static Snapshot.Claim claim(
      String id, String predicate, String value, String object, String status, SourceSpan... sp) {
    return new Snapshot.Claim(
        id, predicate, value, object, status, sp.length, sp.length, List.of(sp), List.of());
  }

  static Snapshot snapshot() {
    List<Snapshot.Record> records = new ArrayList<>();
    // the incidents' places: cities with exact coordinates, referred to only by incidents
    records.add(
        new Snapshot.Record(
            "place:q7vk2m9xae",
            "place",
            "Vlaardingen",
            "active",
            51.91234,
            4.34567,
            List.of(
                claim("c-p1-name", "name", "Vlaardingen", null, "confirmed", en("Vlaardingen")),
                claim("c-p1-kind", "kind", "city", null, "confirmed"),
                claim("c-p1-country", "country", "NL", null, "confirmed"),
                claim("c-p1-geo", "geo", "51.91234,4.34567", null, "confirmed"))));
    records.add(
        new Snapshot.Record(
            "place:h3n8c4w2pt",
            "place",
            "兹沃勒",
            "active",
            52.51234,
            6.08765,
            List.of(
                claim("c-p2-name", "name", "兹沃勒", null, "confirmed", zh("兹沃勒")),
                claim("c-p2-name2", "name", "Zwolle", null, "confirmed"),
                claim("c-p2-country", "country", "NL", null, "confirmed"),
                claim("c-p2-geo", "geo", "52.51234,6.08765", null, "confirmed"))));
    // a station's city: published as is
    records.add(
        new Snapshot.Record(
            "place:r5t6y7u8ib",
            "place",
            "Rotterdam",
            "active",
            51.9225,
            4.47917,
            List.of(
                claim("c-p3-name", "name", "Rotterdam", null, "confirmed", en("Rotterdam")),
                claim("c-p3-country", "country", "NL", null, "confirmed"))));
    records.add(
        new Snapshot.Record(
            "station:a2b3c4d5e6",
            "station",
            "Secretline Office",
            "active",
            null,
            null,
            List.of(
                claim(
                    "c-s1-in",
                    "located_in",
                    null,
                    "place:r5t6y7u8ib",
                    "corroborated",
                    en("an office in Rotterdam"),
                    new SourceSpan(HIDDEN_PUBLISHER_SOURCE, 0, HIDDEN_TEXT.length(), HIDDEN_TEXT)),
                // kept, but its words state the number of a claim that is not published
                claim(
                    "c-s1-status",
                    "status",
                    "operating",
                    null,
                    "corroborated",
                    en("Residents said at least 7777 people were watched")),
                claim(
                    "c-s1-name",
                    "name",
                    "Secretline Office",
                    null,
                    "alleged",
                    en("Secretline Office")))));
    // a station only alleged: not published at all
    records.add(
        new Snapshot.Record(
            "station:f7g8h9j2k3",
            "station",
            "Quillfeather House",
            "active",
            null,
            null,
            List.of(
                claim(
                    "c-s2-name",
                    "name",
                    "Quillfeather House",
                    null,
                    "alleged",
                    en("The Quillfeather House was named as a second station")),
                claim("c-s2-in", "located_in", null, "place:r5t6y7u8ib", "disputed"))));
    records.add(
        new Snapshot.Record(
            "incident:m2n3p4q5r6",
            "incident",
            "Persuasion to return in Vlaardingen",
            "active",
            null,
            null,
            List.of(
                claim(
                    "c-i1-tactic",
                    "tactic",
                    "persuasion_to_return",
                    null,
                    "corroborated",
                    en(
                        "two men followed a student from her flat in Vlaardingen and told her to go back")),
                claim(
                    "c-i1-date",
                    "date",
                    "2022-09-12",
                    null,
                    "confirmed",
                    en("On 12 September 2022"),
                    new SourceSpan(LEAKY_SOURCE, 0, LEAKY_TEXT.length(), LEAKY_TEXT)),
                claim(
                    "c-i1-place",
                    "place",
                    null,
                    "place:q7vk2m9xae",
                    "corroborated",
                    en("her flat in Vlaardingen")),
                claim(
                    "c-i1-target",
                    "target",
                    "a student called Lotusflower",
                    null,
                    "confirmed",
                    en("a student")),
                claim(
                    "c-i1-count",
                    "count",
                    "at_least 7777 people",
                    null,
                    "alleged",
                    en("at least 7777 people were watched")))));
    records.add(
        new Snapshot.Record(
            "incident:s7t8u9v2w3",
            "incident",
            "Persuasion to return in 兹沃勒",
            "active",
            null,
            null,
            List.of(
                claim(
                    "c-i2-tactic",
                    "tactic",
                    "persuasion_to_return",
                    null,
                    "confirmed",
                    zh("一名留学生在兹沃勒被要求回国")),
                claim("c-i2-date", "date", "2023-03-05", null, "confirmed", zh("2023年3月5日")),
                claim("c-i2-place", "place", null, "place:h3n8c4w2pt", "confirmed", zh("在兹沃勒")))));
    records.add(
        new Snapshot.Record(
            "response:x4y5z6a7b8",
            "response",
            "Investigation",
            "active",
            null,
            null,
            List.of(
                claim("c-r1-kind", "kind", "investigation", null, "confirmed"),
                claim("c-r1-date", "date", "2022-11-03", null, "confirmed"),
                claim("c-r1-concerns", "concerns", null, "incident:m2n3p4q5r6", "confirmed"))));
    List<Snapshot.Source> sources =
        List.of(
            new Snapshot.Source(
                EN_SOURCE,
                "Students followed abroad",
                "Harbour Gazette",
                LocalDate.of(2022, 10, 27),
                "https://harbourgazette.example/students",
                EN_SOURCE + "0".repeat(48)),
            new Snapshot.Source(
                ZH_SOURCE,
                "留学生被要求回国",
                "海港日报",
                LocalDate.of(2023, 4, 1),
                "https://haigang.example/a",
                ZH_SOURCE + "0".repeat(48)),
            new Snapshot.Source(
                LEAKY_SOURCE,
                "The Vlaardingen case",
                "Delta Weekly",
                LocalDate.of(2022, 9, 13),
                "https://deltaweekly.example/vlaardingen-2022-09-12",
                LEAKY_SOURCE + "0".repeat(48)),
            new Snapshot.Source(
                HIDDEN_PUBLISHER_SOURCE,
                "Hidden outlet piece",
                "Gossip Sheet",
                LocalDate.of(2022, 11, 1),
                "https://gossipsheet.example/x",
                HIDDEN_PUBLISHER_SOURCE + "0".repeat(48)));
    return new Snapshot(records, sources);
  }

  /** Strings the strict policy removes: none may appear in any byte of a release. */
  static final List<String> FORBIDDEN =
      List.of(
          // exact days, ISO and as sources write them
          "2022-09-12",
          "12 September 2022",
          "September 2022",
          "2022年9月12日",
          "2022-09",
          "2023-03-05",
          "2023年3月5日",
          "3月5日",
          "2023-03",
          "2022-11-03",
          "2022-11",
          // the incidents' cities, in both languages, and their coordinates
          "Vlaardingen",
          "兹沃勒",
          "Zwolle",
          "51.91234",
          "4.34567",
          "52.51234",
          "6.08765",
          // values and quotes of claims the policy does not publish
          "7777",
          "Quillfeather",
          "Secretline",
          "Lotusflower",
          "a student called",
          "Hidden outlet piece",
          "gossipsheet");
}
