package org.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.bench.SyntheticCorpus.Article;

class SyntheticCorpusTest {
  private static final List<Article> SAMPLE = SyntheticCorpus.articles(2_000, 7L).toList();

  @Test
  void sameSeedGivesTheSameArticlesAndAnotherSeedDifferentOnes() {
    assertThat(SyntheticCorpus.articles(50, 7L).toList()).isEqualTo(SAMPLE.subList(0, 50));
    assertThat(SyntheticCorpus.article(7L, 1_234)).isEqualTo(SAMPLE.get(1_234));
    assertThat(SyntheticCorpus.article(8L, 3).body()).isNotEqualTo(SAMPLE.get(3).body());
  }

  @Test
  void aboutHalfTheArticlesAreChineseSomeInTraditionalScript() {
    long zh = SAMPLE.stream().filter(a -> a.language().startsWith("zh")).count();
    long hant = SAMPLE.stream().filter(a -> a.language().equals("zh-Hant")).count();

    assertThat(zh).isBetween(900L, 1_100L);
    assertThat(hant).isBetween(zh / 10, zh / 3);
    assertThat(SAMPLE.stream().map(Article::language).collect(Collectors.toSet()))
        .isEqualTo(Set.of("en", "zh-Hans", "zh-Hant"));
  }

  @Test
  void bodiesAreAboutFiveKilobytes() {
    double mean =
        SAMPLE.stream()
            .mapToInt(a -> a.body().getBytes(StandardCharsets.UTF_8).length)
            .average()
            .orElse(0);

    assertThat(mean).isBetween(4_000.0, 6_000.0);
  }

  @Test
  void aboutOneInTenIsASyndicatedCopyOfAnEarlierStoryOnAnotherSite() {
    List<Article> copies = SAMPLE.stream().filter(Article::syndicated).toList();

    assertThat(copies.size()).isBetween(140, 260);
    for (Article copy : copies) {
      Article original =
          SAMPLE.stream().filter(a -> a.id().equals(copy.storyId())).findFirst().orElseThrow();
      assertThat(original.syndicated()).isFalse();
      assertThat(copy.publisher()).isNotEqualTo(original.publisher());
      assertThat(copy.language()).isEqualTo(original.language());
      assertThat(copy.title()).isEqualTo(original.title());
      // same story, a little edited: shares its opening, differs somewhere
      assertThat(copy.body()).isNotEqualTo(original.body());
      assertThat(copy.body()).startsWith(original.body().substring(0, 200));
    }
  }

  @Test
  void pagesCarryRealisticBoilerplateAndMetadata() {
    Article a = SAMPLE.get(0);

    assertThat(a.html())
        .contains("<meta property=\"og:site_name\" content=\"" + a.publisher() + "\">")
        .contains("<meta property=\"article:published_time\" content=\"" + a.published() + "T")
        .contains(
            "Advertisement",
            "cookie",
            "Share on X",
            "class=\"related\"",
            "class=\"comments\"",
            "class=\"byline\"",
            "<nav>",
            "<h1>" + a.title() + "</h1>");
    for (String paragraph : a.body().split("\n\n")) {
      assertThat(a.html()).contains("<p>" + paragraph + "</p>");
    }
  }

  @Test
  void publishersAndDatesSpreadOverTheExpectedRanges() {
    Set<String> publishers = SAMPLE.stream().map(Article::publisher).collect(Collectors.toSet());

    assertThat(SyntheticCorpus.publishers()).hasSize(30);
    assertThat(publishers).hasSizeGreaterThan(25);
    assertThat(SAMPLE)
        .allSatisfy(
            a ->
                assertThat(a.published())
                    .isBetween(LocalDate.of(2018, 1, 1), LocalDate.of(2025, 1, 3)));
    assertThat(SAMPLE.stream().map(a -> a.published().getYear()).collect(Collectors.toSet()))
        .containsAll(Set.of(2018, 2019, 2020, 2021, 2022, 2023, 2024));
  }

  @Test
  void topicWordsHaveSkewedSelectivity() {
    long station = SAMPLE.stream().filter(a -> a.body().contains("station")).count();
    long rare = SAMPLE.stream().filter(a -> a.body().contains("Houston")).count();

    assertThat(station).isGreaterThan(300);
    assertThat(rare).isLessThan(station / 10);
  }

  @Test
  void traditionalArticlesUseTraditionalCharacters() {
    Article hant =
        SAMPLE.stream().filter(a -> a.language().equals("zh-Hant")).findFirst().orElseThrow();

    assertThat(hant.body()).containsAnyOf("務", "調查", "關係", "鄉", "國", "員");
    assertThat(hant.body()).doesNotContain("务", "调查");
  }

  @Test
  void generationIsFastEnoughNotToDominateABenchmark() {
    SyntheticCorpus.articles(2_000, 1L).count(); // warm up
    long start = System.nanoTime();
    long n = SyntheticCorpus.articles(10_000, 2L).mapToInt(a -> a.html().length()).count();
    double perSecond = n / ((System.nanoTime() - start) / 1e9);

    // 20k/s is the goal on a quiet machine; leave room for a shared CI runner
    assertThat(perSecond).isGreaterThan(8_000);
  }
}
