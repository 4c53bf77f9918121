package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page and CMS export in extract/pages against its .expect.properties. */
class PageFixturesTest {
  private static final Extractors EXTRACTORS = Extractors.standard(ExtractionLimits.defaults());

  static Stream<Path> pages() {
    return Fixtures.in("pages");
  }

  static Extraction extract(Path p) {
    return EXTRACTORS.extract(
        Fixtures.bytes(p), DocumentHints.ofFileName(p.getFileName().toString()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void extractsCleanTextAndMetadata(Path page) {
    Properties expect = Fixtures.expectations(page);
    Extraction x = extract(page);
    assertSoftly(
        s -> {
          s.assertThat(x.mediaType()).as("mediaType").isEqualTo(expect.getProperty("mediaType"));
          s.assertThat(x.metadata().title()).as("title").isEqualTo(expect.getProperty("title"));
          s.assertThat(x.metadata().author()).as("author").isEqualTo(expect.getProperty("author"));
          s.assertThat(x.metadata().publisher())
              .as("publisher")
              .isEqualTo(expect.getProperty("publisher"));
          s.assertThat(x.metadata().published())
              .as("published")
              .isEqualTo(
                  expect.getProperty("published") == null
                      ? null
                      : LocalDate.parse(expect.getProperty("published")));
          s.assertThat(x.metadata().canonicalUrl())
              .as("canonicalUrl")
              .isEqualTo(expect.getProperty("canonicalUrl"));
          s.assertThat(x.language()).as("language").isEqualTo(expect.getProperty("language"));
          for (String phrase : Fixtures.list(expect, "contains")) {
            s.assertThat(x.text()).as("text").contains(phrase);
          }
          for (String phrase : Fixtures.list(expect, "normalizedContains")) {
            s.assertThat(x.normalizedText()).as("normalizedText").contains(phrase);
          }
          for (String phrase : Fixtures.list(expect, "notContains")) {
            s.assertThat(x.text()).as("text").doesNotContain(phrase);
          }
          if (expect.getProperty("paragraphs") != null) {
            s.assertThat(x.text().split("\n\n"))
                .as("paragraphs")
                .hasSize(Integer.parseInt(expect.getProperty("paragraphs")));
          }
          if (expect.getProperty("sameStoryAs") != null) {
            Extraction other = extract(page.resolveSibling(expect.getProperty("sameStoryAs")));
            s.assertThat(Fixtures.similarity(x.normalizedText(), other.normalizedText()))
                .as("similarity to " + expect.getProperty("sameStoryAs"))
                .isGreaterThanOrEqualTo(0.85);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void aTurkishDefaultLocaleChangesNothing(Path page) {
    Extraction expected = extract(page);
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(extract(page)).isEqualTo(expected);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
