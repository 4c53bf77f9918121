package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.schema.FuzzyDate;
import org.vigil.schema.Proposal;

/** The temporal parser through Parsing.date and DateProposer. */
class TemporalParserTest {
  // A Tuesday; last October is 2022-10 and "this year" 2022.
  private static final LocalDate PUBLISHED = LocalDate.of(2022, 11, 15);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          12 September 2022 | 2022-09-12 | day
          September 12, 2022 | 2022-09-12 | day
          Sept. 12, 2022 | 2022-09-12 | day
          Sept. 2022 | 2022-09 | month
          September 2022 | 2022-09 | month
          2022-09-12 | 2022-09-12 | day
          2022年9月12日 | 2022-09-12 | day
          2022年9月12号 | 2022-09-12 | day
          2022年9月 | 2022-09 | month
          2022年 | 2022 | year
          二〇二二年九月 | 2022-09 | month
          2022 | 2022 | year
          in 2022 | 2022 | year
          between April 2021 and July 2022 | 2021-04-01/2022-07-31 | range
          between April and July 2022 | 2022-04-01/2022-07-31 | range
          from 2021 to 2023 | 2021-01-01/2023-12-31 | range
          2021–2023 | 2021-01-01/2023-12-31 | range
          2021年4月至2022年7月 | 2021-04-01/2022-07-31 | range
          2021年4月到2022年7月间 | 2021-04-01/2022-07-31 | range
          从2021年4月到7月 | 2021-04-01/2021-07-31 | range
          2021年4月至2022年7月期間 | 2021-04-01/2022-07-31 | range
          last October | 2022-10 | month
          last November | 2021-11 | month
          last December | 2021-12 | month
          this year | 2022 | year
          last year | 2021 | year
          on Tuesday | 2022-11-15 | day
          on Monday | 2022-11-14 | day
          last Tuesday | 2022-11-08 | day
          yesterday | 2022-11-14 | day
          去年10月 | 2021-10 | month
          去年 | 2021 | year
          今年 | 2022 | year
          今年3月5日 | 2022-03-05 | day
          上周 | 2022-11-07/2022-11-13 | range
          上周二 | 2022-11-08 | day
          昨天 | 2022-11-14 | day
          上个月 | 2022-10 | month
          last month | 2022-10 | month
          """)
  void parsesWholeExpressions(String text, String iso, String precision) {
    Optional<FuzzyDate> d = Parsing.date(text, PUBLISHED);
    assertThat(d).as(text).isPresent();
    assertThat(d.get().iso()).isEqualTo(iso);
    assertThat(d.get().precision().code()).isEqualTo(precision);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"last October", "this year", "on Tuesday", "yesterday", "去年10月", "今年", "上周", "昨天"})
  void relativeNeedsAReference(String text) {
    assertThat(Parsing.date(text, null)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "  ",
        "hello",
        "2022-02-30",
        "2022年13月",
        "may",
        "We may leave.",
        "April",
        "4月",
        "0000-000000",
        "between 2023 and 2021",
        "30 February 2022",
        "12:30",
        "2nd"
      })
  void noDateIn(String text) {
    assertThat(Parsing.date(text, PUBLISHED)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The station was raided on 12 September 2022 by police. | 12 September 2022 | 2022-09-12 | day
          Officials said about 230,000 people returned between April 2021 and July 2022. | between April 2021 and July 2022 | 2021-04-01/2022-07-31 | range
          据报道，2021年4月至2022年7月间约有23万人被劝返。 | 2021年4月至2022年7月间 | 2021-04-01/2022-07-31 | range
          據報導，2021年4月至2022年7月間約有23萬人被勸返。 | 2021年4月至2022年7月間 | 2021-04-01/2022-07-31 | range
          The office closed last October, the mayor's office said. | last October | 2022-10 | month
          The list grew after last September. | last September | 2022-09 | month
          The group published its findings in 2022. | 2022 | 2022 | year
          The prosecutor spoke on Tuesday. | on Tuesday | 2022-11-15 | day
          该站于去年10月关闭。 | 去年10月 | 2021-10 | month
          警方上周表示调查仍在进行。 | 上周 | 2022-11-07/2022-11-13 | range
          The NGO's update from Sept. 2022 listed more sites. | Sept. 2022 | 2022-09 | month
          The consulate reopened in August after repairs. | August | 2022-08 | month
          The hearing is set for 9 January at the district court. | 9 January | 2023-01-09 | day
          该协会在8月3日举办了座谈会。 | 8月3日 | 2022-08-03 | day
          这家餐馆创办于1980年代。 | 1980年代 | 1980-01-01/1989-12-31 | range
          The shop opened in the 1970s near the harbour. | 1970s | 1970-01-01/1979-12-31 | range
          The budget for 2024 was approved. | 2024 | 2024 | year
          """)
  void proposesDatesInSentences(String sentence, String quote, String iso, String precision) {
    List<Proposal> ps =
        new DateProposer().propose(new ProposalInput("src", sentence, "en", PUBLISHED));
    assertThat(ps).as(describe(ps)).hasSize(1);
    Proposal p = ps.get(0);
    assertThat(p.span().quote()).isEqualTo(quote);
    assertThat(p.first("date")).isEqualTo(iso);
    assertThat(p.first("precision")).isEqualTo(precision);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "At least 2022 people marched.",
        "Call 0000-000000 now.",
        "You may see April in the report.",
        "The 1999 files were lost.",
        "The office closed last October.", // relative: no publication date given below
      })
  void proposesNoDateWithoutAReferenceOrContext(String sentence) {
    List<Proposal> ps = new DateProposer().propose(new ProposalInput("src", sentence, "en", null));
    assertThat(ps).as(describe(ps)).isEmpty();
  }

  @Test
  void recurringWeekdaysAreNotDates() {
    List<Proposal> ps =
        new DateProposer()
            .propose(new ProposalInput("src", "办事处每周三、周五下午开放。", "zh-Hans", PUBLISHED));
    assertThat(ps).as(describe(ps)).isEmpty();
  }

  @Test
  void neverThrowsOnRandomInput() {
    Random r = new Random(5);
    String alphabet = "0123456789-/年月日号至到间去今上周二 ABJlMaySeptOctuyhrs,.\uD800";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(30);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertThat(Parsing.date(b.toString(), r.nextBoolean() ? PUBLISHED : null)).isNotNull();
      assertThat(TemporalParser.find(b.toString(), PUBLISHED)).isNotNull();
    }
    assertThat(Parsing.date(null, null)).isEmpty();
    assertThat(Parsing.date("in 2022", LocalDate.MAX)).isNotNull();
    assertThat(Parsing.date("last year", LocalDate.MIN)).isNotNull();
  }

  @Test
  @Timeout(20)
  void megabyteOfPathologicalInputCompletes() {
    StringBuilder b = new StringBuilder();
    String[] parts = {"2022", "-", "年", "月", "12", "日", " and ", "between ", "April ", "上周", "至"};
    Random r = new Random(3);
    while (b.length() < 1_000_000) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    DateProposer proposer = new DateProposer();
    for (String s :
        new String[] {
          b.toString(), "2022-".repeat(200_000), "April ".repeat(170_000), "年".repeat(1_000_000)
        }) {
      assertThat(proposer.propose(new ProposalInput("s", s, "en", PUBLISHED))).isNotNull();
    }
  }

  @Test
  void sameResultUnderTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(Parsing.date("LAST OCTOBER", PUBLISHED).map(FuzzyDate::iso)).contains("2022-10");
      assertThat(Parsing.date("ON FRIDAY", PUBLISHED).map(FuzzyDate::iso)).contains("2022-11-11");
      assertThat(Parsing.date("BETWEEN APRIL 2021 AND JULY 2022", PUBLISHED).map(FuzzyDate::iso))
          .contains("2021-04-01/2022-07-31");
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static String describe(List<Proposal> ps) {
    return ps.stream()
        .map(p -> p.fields() + " @'" + p.span().quote() + "'")
        .collect(Collectors.joining("; "));
  }
}
