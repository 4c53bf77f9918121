package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;

class QuantityProposerTest {
  private static final LocalDate PUBLISHED = LocalDate.of(2022, 11, 15);
  private static final QuantityProposer PROPOSER = new QuantityProposer();

  static List<Proposal> propose(String text) {
    return PROPOSER.propose(new ProposalInput("src-1", text, "en", PUBLISHED));
  }

  static String describe(List<Proposal> ps) {
    return ps.stream()
        .map(p -> p.fields() + " @'" + p.span().quote() + "'")
        .collect(Collectors.joining("; "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # sentence | quote | value | unit | qualifier | period | precision
          The rights group counted at least 102 stations in 53 countries. | at least 102 stations | 102 | station | at_least | |
          The rights group counted at least 102 stations in 53 countries. | 53 countries | 53 | country | exact | |
          Officials claim about 230,000 people were persuaded to return between April 2021 and July 2022. | about 230,000 people | 230000 | person | about | 2021-04-01/2022-07-31 | range
          Roughly 230 000 individuals returned, the ministry said. | Roughly 230 000 individuals | 230000 | person | about | |
          Two dozen associations hosted the offices. | Two dozen associations | 24 | association | exact | |
          Investigators found fifty-four overseas police service stations in 2022. | fifty-four overseas police service stations | 54 | station | exact | 2022 | year
          Investigators found 54 stations in 2022. | 54 stations | 54 | station | exact | 2022 | year
          More than 40 cases were opened. | More than 40 cases | 40 | case | more_than | |
          Police questioned over 300 persons. | over 300 persons | 300 | person | more_than | |
          Up to 12 cities were named. | Up to 12 cities | 12 | city | at_most | |
          No fewer than 14 countries opened inquiries. | No fewer than 14 countries | 14 | country | at_least | |
          Nearly 60 outposts remain. | Nearly 60 outposts | 60 | station | about | |
          Some 800 residents signed the letter. | Some 800 residents | 800 | person | about | |
          Fewer than 10 stations closed in 2023. | Fewer than 10 stations | 10 | station | less_than | 2023 | year
          About 40% of the stations closed. | About 40% | 40 | percent | about | |
          Turnout fell to 35 percent. | 35 percent | 35 | percent | exact | |
          据报道，2021年4月至2022年7月间约有23万人被劝返。 | 约有23万人 | 230000 | person | about | 2021-04-01/2022-07-31 | range
          该组织称，至少有102个服务站分布在53个国家。 | 至少有102个服务站 | 102 | station | at_least | |
          该组织称，至少有102个服务站分布在53个国家。 | 53个国家 | 53 | country | exact | |
          报告列出五十四个站点。 | 五十四个站点 | 54 | station | exact | |
          报告共涉及一百零二个服务站。 | 一百零二个服务站 | 102 | station | exact | |
          两千人参加了集会。 | 两千人 | 2000 | person | exact | |
          二十三万人被劝返。 | 二十三万人 | 230000 | person | exact | |
          当局在2022年劝返了2.3万人。 | 2.3万人 | 23000 | person | exact | 2022 | year
          预算达1亿元。 | 1亿元 | 100000000 | cny | exact | |
          十余个国家已展开调查。 | 十余个国家 | 10 | country | more_than | |
          超过50名嫌疑人被捕。 | 超过50名嫌疑人 | 50 | person | more_than | |
          逾30起案件仍在审理。 | 逾30起案件 | 30 | case | more_than | |
          近百分之四十的站点已关闭。 | 近百分之四十 | 40 | percent | about | |
          多达２３０人受到威胁。 | 多达２３０人 | 230 | person | at_most | |
          據報道，約有23萬人被勸返。 | 約有23萬人 | 230000 | person | about | |
          警方搜查了三個國家的據點。 | 三個國家 | 3 | country | exact | |
          The report names 230余 individuals. | 230余 individuals | 230 | person | more_than | |
          The group listed 102 addresses. | 102 addresses | 102 | address | exact | |
          Donations of $5 million were traced. | $5 million | 5000000 | usd | exact | |
          At least 2000 people marched. | At least 2000 people | 2000 | person | at_least | |
          該組織稱，至少有102個服務站。 | 至少有102個服務站 | 102 | station | at_least | |
          In 2022, the group counted 54 stations. | 54 stations | 54 | station | exact | 2022 | year
          警方去年逮捕了十多名嫌疑人。 | 十多名嫌疑人 | 10 | person | more_than | 2021 | year
          共有10万人以上参加。 | 10万人以上 | 100000 | person | at_least | |
          The stations employed around 1,200 staff. | around 1,200 staff | 1200 | person | about | |
          报告统计：102个站点。 | 102个站点 | 102 | station | exact | |
          They found at least 102 "overseas police service stations" abroad. | at least 102 "overseas police service stations | 102 | station | at_least | |
          Total: 54 stations. | 54 stations | 54 | station | exact | |
          Some 400 Chinese nationals were questioned. | Some 400 Chinese nationals | 400 | person | about | |
          Officers searched two such outposts. | two such outposts | 2 | station | exact | |
          The Lisbon station was one of 7 in Portugal. | 7 | 7 | station | exact | |
          At least 80 stations were known, up from 40 in the first count. | 40 | 40 | station | exact | |
          The Danish stations, 4 in all, were closed. | 4 | 4 | station | exact | |
          Prosecutors charged 12 officers of the bureau. | 12 officers | 12 | person | exact | |
          The garage installed six new pumps. | six new pumps | 6 | pump | exact | |
          Police raided two premises near the port. | two premises | 2 | station | exact | |
          Three reporters visited the site. | Three reporters | 3 | person | exact | |
          The agency counted 14 charities across the region. | 14 charities | 14 | charity | exact | |
          Lawmakers asked about two stations in the port. | two stations | 2 | station | exact | |
          名单共列出60个站点，多于此前所列的40个。 | 40个 | 40 | station | exact | |
          当局正在调查两处被指为中国“海外警务站”的场所。 | 两处被指为中国“海外警务站 | 2 | station | exact | |
          窗口可办理8项业务。 | 8项业务 | 8 | service | exact | |
          其中9个此类站点位于欧洲。 | 9个此类站点 | 9 | station | exact | |
          """)
  void proposesQuantities(
      String sentence,
      String quote,
      String value,
      String unit,
      String qualifier,
      String period,
      String precision) {
    List<Proposal> ps = propose(sentence);
    Proposal p =
        ps.stream()
            .filter(x -> x.first("value").equals(value))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + value + " in " + describe(ps)));
    assertThat(p.kind()).isEqualTo(ProposalKind.QUANTITY);
    assertThat(p.span().quote()).isEqualTo(quote);
    assertThat(sentence.substring(p.span().start(), p.span().end())).isEqualTo(quote);
    assertThat(p.first("unit")).isEqualTo(unit);
    assertThat(p.first("qualifier")).isEqualTo(qualifier);
    assertThat(p.first("period")).isEqualTo(period == null ? "" : period);
    assertThat(p.first("precision")).isEqualTo(precision == null ? "" : precision);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The station opened in 2022.",
        "He served three years in prison.",
        "他被判三年徒刑。",
        "A budget of 1.5 million was reported.",
        "The office is about 3 kilometres from the harbour.",
        "Dial 112 in an emergency, or 911 in Canada.",
        "There were 6 in the region, the police said.",
        "拨打110报警。",
        "The figure of 12 does not include the capital.",
        "Call 0000-000000 for the office.",
        "Call +31 20 123 4567 or (020) 1234 5678 today.",
        "It was the first station and the 2nd office.",
        "See https://example.org/report/102/stations-53 for details.",
        "Write to info2022@example.org about it.",
        "The meeting began at 10:30 and ended at 3 pm.",
        "See page 54 and p. 12 of the report.",
        "The office is at 12 Baker Street.",
        "The office is at Kerkstraat 12 in the centre.",
        "The office sits at Via Roma 12 near the station.",
        "该站位于幸福路12号。",
        "It reopened on 12 September 2022.",
        "他们是第一批。",
        "这是第102个站点。",
        "统一战线部门的一些人员十分活跃。",
        "COVID-19 changed the G20 agenda and 5G rollout.",
        "Dozens of people and hundreds of students attended.",
        "One of the stations closed.",
        "版本 1.2.3 已发布。",
        "2022年9月12日，会议召开。",
        "It happened on September 12.",
        "Mr Chen, 54, said he was told to go home.",
        "The building at 12 Kerkstraat is empty.",
      })
  void skipsNumbersThatAreNotCounts(String sentence) {
    List<Proposal> ps = propose(sentence);
    assertThat(ps).as(describe(ps)).isEmpty();
  }

  @Test
  void isThreadSafe() throws Exception {
    String text =
        "At least 102 stations in 53 countries; 约有23万人被劝返 between April 2021 and July 2022.";
    List<Proposal> expected = propose(text);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<Proposal>>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> propose(text)));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void periodComesOnlyFromTheSameSentence() {
    List<Proposal> ps = propose("The inquiry began in 2021. Investigators found 54 stations.");
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).first("period")).isEmpty();
  }

  @Test
  void relativePeriodIsResolvedAgainstPublication() {
    List<Proposal> ps = propose("Last year police counted 12 stations.");
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).first("period")).isEqualTo("2021");
  }

  @Test
  void neverThrowsOnOddInput() {
    for (String s :
        new String[] {
          "",
          " ",
          "\u0000",
          "💥💥 12 💥",
          "１２３４５６７８９０",
          "一二三四五六七八九十百千万亿",
          "9".repeat(5000),
          "约",
          "逾",
          "$",
          "百分之",
          "at least",
          "1,",
          ",000",
          "0.",
          "十十十十",
          "亿万",
          "\uD800 12 people"
        }) {
      assertThat(PROPOSER.propose(new ProposalInput("s", s, "und", null))).isNotNull();
    }
  }

  @Test
  void spansPointIntoTextWithSurrogates() {
    String text = "😀😀 约有23万人被劝返 😀";
    Proposal p = propose(text).get(0);
    assertThat(text.substring(p.span().start(), p.span().end())).isEqualTo("约有23万人");
  }

  @Test
  @Timeout(20)
  void megabyteOfPathologicalInputCompletes() {
    StringBuilder b = new StringBuilder();
    String[] parts = {
      "1,",
      "000 ",
      "+1 ",
      "(",
      "2-",
      "at least ",
      "一二",
      "万",
      "a",
      "@",
      "http://",
      "9 ",
      "one-",
      "Z",
      ". ",
      "百分之",
      "约",
      "\n"
    };
    java.util.Random r = new java.util.Random(7);
    while (b.length() < 1_000_000) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    assertThat(PROPOSER.propose(new ProposalInput("s", b.toString(), "en", PUBLISHED))).isNotNull();
    String[] runs = {
      "1".repeat(1_000_000),
      "a".repeat(1_000_000),
      "1 ".repeat(500_000),
      "one ".repeat(250_000),
      "+1".repeat(500_000),
      "一".repeat(1_000_000),
      "1,000,".repeat(170_000)
    };
    for (String s : runs) {
      assertThat(PROPOSER.propose(new ProposalInput("s", s, "en", PUBLISHED))).isNotNull();
    }
  }

  @Test
  void sameResultUnderTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      List<Proposal> ps = propose("AT LEAST 102 STATIONS IN FIFTY-FIVE CITIES, İSTANBUL INCLUDED.");
      assertThat(ps).extracting(p -> p.first("value")).containsExactly("102", "55");
      assertThat(ps.get(0).first("qualifier")).isEqualTo("at_least");
      assertThat(ps.get(0).first("unit")).isEqualTo("station");
      assertThat(ps.get(1).first("unit")).isEqualTo("city");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
