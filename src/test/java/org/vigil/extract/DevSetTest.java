package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The annotated development set is well formed: every document listed exists and every document is
 * listed, the mix meets its minima, and the annotations use only valid codes. It does not run any
 * proposer: scoring the real extractors is a separate, thresholded test.
 */
class DevSetTest {
  static final Set<String> TACTICS =
      Set.of(
          "assassination",
          "assault",
          "detention",
          "unlawful_deportation",
          "rendition",
          "physical_intimidation",
          "threats_to_relatives",
          "persuasion_to_return",
          "online_harassment",
          "surveillance",
          "coercion_by_proxy",
          "interpol_misuse",
          "extradition_misuse",
          "mobility_controls",
          "spyware");
  static final Set<String> QUALIFIERS =
      Set.of("exact", "at_least", "more_than", "at_most", "less_than", "about");
  static final Set<String> PRECISIONS = Set.of("day", "month", "year", "range", "unknown");
  static final Set<String> ORG_KINDS =
      Set.of(
          "public_security_bureau",
          "ministry",
          "party_body",
          "hometown_association",
          "station_host_business",
          "ngo",
          "media_outlet",
          "host_state_agency");
  static final Set<String> SOURCE_KINDS =
      Set.of(
          "official_notice",
          "state_media",
          "ngo_report",
          "news_article",
          "court_record",
          "social_media_post");

  /** Capitalised words a generic target description may use: places and nationalities. */
  static final Set<String> TARGET_WORDS =
      Set.of(
          "China",
          "Chinese",
          "Chinese-Australian",
          "South",
          "Korea",
          "United",
          "States",
          "Netherlands",
          "Spain",
          "Germany",
          "Ireland",
          "France",
          "Prato",
          "Frankfurt",
          "Sydney",
          "Vancouver",
          "Markham",
          "Johannesburg");

  static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern ISO_DATE =
      Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?|\\d{4}-\\d{2}-\\d{2}/\\d{4}-\\d{2}-\\d{2}");

  static Path folder() {
    try {
      return Path.of(DevSetTest.class.getResource("/devset/gold.jsonl").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<GoldDocument> gold() {
    return Evaluation.readGold(folder().resolve("gold.jsonl"));
  }

  @Test
  void everyListedDocumentExistsAndEveryDocumentIsListedOnce() throws IOException {
    List<String> listed = gold().stream().map(GoldDocument::doc).toList();
    assertThat(new HashSet<>(listed)).as("no document annotated twice").hasSameSizeAs(listed);
    Set<String> files;
    try (Stream<Path> s = Files.list(folder())) {
      files =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".txt"))
              .collect(Collectors.toSet());
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void mixMeetsTheMinima() {
    List<GoldDocument> g = gold();
    assertThat(g).hasSizeGreaterThanOrEqualTo(48);
    assertThat(g.stream().filter(d -> d.language().equals("en"))).hasSizeGreaterThanOrEqualTo(20);
    assertThat(g.stream().filter(d -> d.language().startsWith("zh")))
        .hasSizeGreaterThanOrEqualTo(16);
    assertThat(g.stream().filter(d -> d.language().equals("zh-Hant"))).isNotEmpty();
    assertThat(g.stream().filter(GoldDocument::negative)).hasSizeGreaterThanOrEqualTo(12);
  }

  @Test
  void documentsHaveTheAgreedShapeAndLength() throws IOException {
    for (GoldDocument d : gold()) {
      String text = Files.readString(folder().resolve(d.doc()), StandardCharsets.UTF_8);
      assertThat(text).as(d.doc()).doesNotStartWith("\uFEFF");
      assertThat(text.lines().findFirst().orElse("")).as(d.doc() + " headline").isNotBlank();
      if (d.language().equals("en")) {
        int words = text.strip().split("\\s+").length;
        assertThat(words).as(d.doc() + " words").isBetween(120, 500);
      } else {
        long chars = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        assertThat(chars).as(d.doc() + " characters").isBetween(200L, 800L);
      }
      // the file name says the language, so a mislabelled document stands out
      assertThat(d.language()).as(d.doc()).startsWith(d.doc().substring(0, 2));
    }
  }

  @Test
  void annotationsUseValidCodes() {
    for (GoldDocument d : gold()) {
      String at = d.doc() + ": ";
      assertThat(d.language()).as(at).isIn("en", "zh-Hans", "zh-Hant");
      assertThat(d.sourceKind()).as(at).isIn(SOURCE_KINDS);
      assertThat(d.published()).as(at + "published").isNotNull();
      d.stations().forEach(s -> assertThat(s.country()).as(at + s).isIn(COUNTRIES));
      d.places().forEach(p -> assertThat(p.country()).as(at + p).isIn(COUNTRIES));
      d.organizations()
          .forEach(
              o -> {
                assertThat(o.orgKind()).as(at + o).isIn(ORG_KINDS);
                if (!o.country().isEmpty()) {
                  assertThat(o.country()).as(at + o).isIn(COUNTRIES);
                }
              });
      d.incidents()
          .forEach(
              i -> {
                assertThat(i.tactic()).as(at + i).isIn(TACTICS);
                if (!i.country().isEmpty()) {
                  assertThat(i.country()).as(at + i).isIn(COUNTRIES);
                }
              });
      d.quantities()
          .forEach(
              q -> {
                assertThat(q.qualifier()).as(at + q).isIn(QUALIFIERS);
                assertThat(q.value()).as(at + q).matches("\\d+(\\.\\d+)?");
                assertThat(q.unit()).as(at + q).matches("[a-z_]+");
                if (!q.period().isEmpty()) {
                  assertThat(q.period()).as(at + q).matches(ISO_DATE);
                }
              });
      d.dates()
          .forEach(
              x -> {
                assertThat(x.precision()).as(at + x).isIn(PRECISIONS);
                assertThat(x.date()).as(at + x).matches(ISO_DATE);
                assertThat(precisionOf(x.date())).as(at + x).isEqualTo(x.precision());
              });
      d.attributions().forEach(a -> a.chain().forEach(e -> assertThat(e).as(at + a).isNotBlank()));
    }
  }

  @Test
  void annotationsAreInternallyConsistent() {
    for (GoldDocument d : gold()) {
      String at = d.doc() + ": ";
      if (d.negative()) {
        assertThat(d.stations()).as(at + "a negative has no station").isEmpty();
      } else {
        assertThat(d.stations()).as(at + "a positive names a station").isNotEmpty();
      }
      // one station per distinct city, and every station city and host country is also a place
      Set<String> cities = new HashSet<>();
      for (GoldDocument.Station s : d.stations()) {
        assertThat(cities.add(s.city().toLowerCase(Locale.ROOT))).as(at + s).isTrue();
        assertThat(d.places()).as(at + s).contains(new GoldDocument.Place(s.country(), s.city()));
      }
      assertThat(new HashSet<>(d.places())).as(at + "places distinct").hasSameSizeAs(d.places());
      assertThat(new HashSet<>(d.dates())).as(at + "dates distinct").hasSameSizeAs(d.dates());
      // a quantity's period is also annotated as a date
      d.quantities().stream()
          .filter(q -> !q.period().isEmpty())
          .forEach(
              q ->
                  assertThat(d.dates())
                      .as(at + q)
                      .contains(new GoldDocument.DateItem(q.period(), precisionOf(q.period()))));
      // incident targets are generic descriptions, never names: a capitalised word must be a
      // place or a nationality, so a name slipped into a target fails here
      d.incidents()
          .forEach(
              i -> {
                assertThat(i.target()).as(at + i).isNotBlank();
                for (String w : i.target().split("[^\\p{L}-]+")) {
                  if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) {
                    assertThat(w).as(at + i).isIn(TARGET_WORDS);
                  }
                }
              });
    }
  }

  private static String precisionOf(String iso) {
    if (iso.contains("/")) {
      return "range";
    }
    return switch (iso.length()) {
      case 4 -> "year";
      case 7 -> "month";
      case 10 -> "day";
      default -> "unknown";
    };
  }
}
