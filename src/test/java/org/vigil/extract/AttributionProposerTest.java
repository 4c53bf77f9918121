package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;

class AttributionProposerTest {
  private static final AttributionProposer PROPOSER = new AttributionProposer();

  static List<Proposal> propose(String text) {
    return PROPOSER.propose(new ProposalInput("src", text, "en", LocalDate.of(2022, 11, 15)));
  }

  static String describe(List<Proposal> ps) {
    return ps.stream()
        .map(p -> p.fields() + " @'" + p.span().quote() + "'")
        .collect(Collectors.joining("; "));
  }

  /** Chains are written origin first, separated by " > ". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          According to Safeguard Defenders, at least 102 stations exist. | Safeguard Defenders | according_to
          Safeguard Defenders reported that the stations ran in 53 countries. | Safeguard Defenders | reported
          Safeguard Defenders found 54 stations in 2022. | Safeguard Defenders | found
          A report by Safeguard Defenders found 54 stations. | Safeguard Defenders | found
          The ministry told Radio Free Asia that no station existed. | Radio Free Asia | told
          Radio Free Asia, citing Safeguard Defenders, reported that 102 stations exist. | Safeguard Defenders > Radio Free Asia | reported
          The newspaper reported, citing a report from Safeguard Defenders, that stations had opened. | Safeguard Defenders | reported
          According to the broadcaster, which cited Safeguard Defenders, 14 countries opened inquiries. | Safeguard Defenders | according_to
          据自由亚洲电台报道，警方关闭了该站。 | 自由亚洲电台 | 据…报道
          荷兰外交部表示，该站点属于非法。 | 荷兰外交部 | 表示
          荷兰外交部发言人周二表示，该站点属于非法。 | 荷兰外交部 | 表示
          保护卫士称，至少有102个站点。 | 保护卫士 | 称
          自由亚洲电台援引保护卫士的报告称，站点遍布53个国家。 | 保护卫士 > 自由亚洲电台 | 称
          该电台援引保护卫士的报告。 | 保护卫士 | cited
          据美联社援引保护卫士报道，共有102个站点。 | 保护卫士 > 美联社 | 据…报道
          據自由亞洲電台報導，警方關閉了該站。 | 自由亚洲电台 | 据…报道
          荷蘭外交部發言人表示，該站點屬於非法。 | 荷兰外交部 | 表示
          Safeguard Defenders表示，站点仍在运作。 | Safeguard Defenders | 表示
          The Spanish NGO Safeguard Defenders said more sites exist. | Safeguard Defenders | said
          據美聯社援引保護衛士報導，共有102個站點。 | 保护卫士 > 美联社 | 据…报道
          据保护卫士的报告，站点遍布53个国家。 | 保护卫士 | 据
          According to a report by Safeguard Defenders, 54 stations opened. | Safeguard Defenders | according_to
          据自由亚洲电台报道，保护卫士援引官方媒体的数据称，约有23万人被劝返。 | 保护卫士 > 自由亚洲电台 | 据…报道
          According to Reuters, the Dutch foreign ministry said the sites were closed. | Reuters | according_to
          据Reuters报道，站点已关闭。 | Reuters | 据…报道
          Xinhua said the reports were false. | Xinhua | said
          The BBC reported that a station had closed. | BBC | reported
          A spokesperson for the Lakeside Border Agency said the claims were false. | Lakeside Border Agency | said
          The Garda Síochána said it had opened a file. | Garda Síochána | said
          The claim was first made by the Eastern Ledger, which cited research published by Open Borders Foundation. | Open Borders Foundation > Eastern Ledger | cited
          The Valley Times said, relaying a Coastal Wire dispatch which cited a new report by Open Borders Foundation, that sites had opened. | Open Borders Foundation > Coastal Wire > Valley Times | said
          The sites were listed in a report by Open Borders Foundation, which said they had closed. | Open Borders Foundation | said
          据《南洋观察》报道，该站已关闭。 | 南洋观察 | 据…报道
          荷兰外交部10月26日表示，站点属于非法。 | 荷兰外交部 | 表示
          瑞典安全局去年11月表示，正在调查。 | 瑞典安全局 | 表示
          据《东海晨报》12月3日转引南方通讯社的报道，议员要求政府说明情况。 | 南方通讯社 > 东海晨报 | 据…报道
          新西兰皇家骑警表示，正在调查相关报道。 | 新西兰皇家骑警 | 表示
          据东海通讯社援引人权组织开放边界基金会的研究报道，站点已关闭。 | 开放边界基金会 > 东海通讯社 | 据…报道
          Spain's Ministry of the Interior said it was looking into the office. | Ministry of the Interior | said
          Hungary's Office for Protection of the Constitution and Public Order said it had no record. | Office for Protection of the Constitution and Public Order | said
          The review began in March following a report by the rights group Safeguard Defenders. | Safeguard Defenders | reported
          Safeguard Defenders lists the office as run by a county bureau. | Safeguard Defenders | found
          Two sites closed, the Valley Times reported on Monday, citing an interview Open Borders Foundation gave to Coastal Wire. | Open Borders Foundation > Coastal Wire > Valley Times | reported
          The Valley Times reported, quoting a Coastal Wire dispatch that relied on figures compiled by Open Borders Foundation, that sites had closed. | Open Borders Foundation > Coastal Wire > Valley Times | reported
          据南洋华文观察报道，两处站点都已关闭。 | 南洋华文观察 | 据…报道
          据侨声快讯援引英国内政部5月3日公布的文件报道，该站已停止运作。 | 英国内政部 > 侨声快讯 | 据…报道
          据欧华时报援引环海通讯社报道，保护卫士3月2日发布的报告称，里斯本一处办公室曾被用作服务站。 | 保护卫士 > 环海通讯社 > 欧华时报 | 据…报道
          保护卫士近日发布报告，称已在多国发现类似站点。 | 保护卫士 | 称
          福建省公安厅去年表示，将继续推进相关工作。 | 福建省公安厅 | 表示
          保護衛士在一份報告中稱，該辦公室已關閉。 | 保护卫士 | 称
          Two desks opened, the Lowland Newswire reported on Friday, citing a report by the rights group Open Borders Foundation. | Open Borders Foundation > Lowland Newswire | reported
          Two desks opened, the Fjord Evening Star reported, citing a Coastal Wire bulletin based on research by Open Borders Foundation. | Open Borders Foundation > Coastal Wire > Fjord Evening Star | reported
          The desk was linked to a county bureau, according to a list published in April by Open Borders Foundation, a rights group. | Open Borders Foundation | according_to
          The searches were first reported by the weekly Kanalpost. | Kanalpost | reported
          The tabloid Ostbote reported that the desk had closed. | Ostbote | reported
          "We will look into it," a Lakeside Police Service spokesperson said. | Lakeside Police Service | said
          据挪威《峡湾时报》报道，该报援引西海通讯社获得的开放边界基金会资料称，站点设在卑尔根。 | 开放边界基金会 > 西海通讯社 > 峡湾时报 | 据…报道
          据峡湾时报报道，西海通讯社援引开放边界基金会资料称，站点已关闭。 | 开放边界基金会 > 西海通讯社 > 峡湾时报 | 据…报道
          宁波铁路公安处相关负责人表示，服务站运行平稳。 | 宁波铁路公安处 | 表示
          丽水市公安局相关负责人介绍，服务站已接待群众500余人次。 | 丽水市公安局 | 介绍
          """)
  void proposesChains(String sentence, String chain, String verb) {
    List<Proposal> ps = propose(sentence);
    assertThat(ps).as(describe(ps)).hasSize(1);
    Proposal p = ps.get(0);
    assertThat(p.kind()).isEqualTo(ProposalKind.ATTRIBUTION);
    assertThat(p.fields().get("chain"))
        .as(describe(ps))
        .isEqualTo(Arrays.asList(chain.split(" > ")));
    assertThat(p.first("verb")).isEqualTo(verb);
    assertThat(sentence.substring(p.span().start(), p.span().end())).isEqualTo(p.span().quote());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "He said the office was closed.",
        "She told reporters nothing.",
        "It was said that the station closed.",
        "据报道，警方关闭了该站。",
        "他表示，站点已经关闭。",
        "王先生表示，他受到了威胁。",
        "该报道称，站点已经关闭。",
        "The office, the landlord said, was empty.",
        "They reported nothing.",
        "John Smith表示，他受到了威胁。",
        // unnamed sources start no chain (annotation guidelines: only named sources count)
        "The Dutch foreign ministry said it was investigating two sites.",
        "Police said the office had been closed.",
        "Prosecutors said three men would be charged.",
        "A spokesperson for the Dutch foreign ministry said the sites were illegal.",
        "\"The sites are illegal,\" said a spokesperson for the interior ministry.",
        "The outlet relays a wire service which relays the NGO.",
        "Jane Doe said she was followed.",
        "However, police said on Monday that the office was empty.",
        "Jane Doe, a spokesperson for the ministry, said the site closed.",
        "Spokesperson Jane Doe said the site closed.",
        "Prosecutors in Rotterdam said two men were charged.",
        "A wire service reported, citing the NGO, that sites remained open.",
        "The Embassy of Ruritania said the reports were false.",
        "Officials in Ruritania said nothing had been found.",
        "The group said the list was incomplete.",
        "Ruritania's interior ministry said it would look into the matter.",
        "日本政府表示，将继续关注此事。",
        "爱尔兰警方称，调查仍在进行。",
        "中国驻荷兰使馆称，相关说法毫无根据。",
        "该组织称，站点仍在运作。",
        "议员要求政府说明情况。",
        "内政部表示，将继续关注。",
        "A cyclist in Bergen told the Courier that the desk was empty.",
        "He was told by phone to go back.",
        "中国官方称，相关工作成效显著。",
      })
  void proposesNoNamedParty(String sentence) {
    List<Proposal> ps = propose(sentence);
    assertThat(ps).as(describe(ps)).isEmpty();
  }

  /** The chains of a text, origin first, each joined with " > ", in order. */
  static List<String> chains(String text) {
    return propose(text).stream().map(p -> String.join(" > ", p.fields().get("chain"))).toList();
  }

  @Test
  void aDefiniteDescriptionResolvesToTheLastNamedBody() {
    assertThat(
            chains(
                "Lakeside Rights Watch published the list in May. The Geneva-based group said"
                    + " more sites would follow."))
        .containsExactly("Lakeside Rights Watch");
    assertThat(
            chains(
                "The Harbour City Police Department said the office was legal. The department"
                    + " said it would keep watch."))
        .containsExactly("Harbour City Police Department", "Harbour City Police Department");
    // no named ministry before it: "the ministry" stays unresolved
    assertThat(chains("Open Borders Foundation said so. The ministry said it would look into it."))
        .containsExactly("Open Borders Foundation");
  }

  @Test
  void aRelayAfterAnotherSpeakerIsThatSpeakersRelay() {
    assertThat(
            chains(
                "A building hosted a post that the Lantern Institute says was informal, the Fjord"
                    + " Courier reported, quoting a study by the Lantern Institute. The Oslo-based"
                    + " institute said four more existed."))
        .containsExactly(
            "Lantern Institute",
            "Lantern Institute > Fjord Courier",
            "Lantern Institute > Fjord Courier");
  }

  @Test
  void anAcronymResolvesToTheBodyWithThoseInitials() {
    assertThat(
            chains(
                "The Federal Police Service of Ruritania said it had opened a case. The FPSR said"
                    + " later that two sites were searched."))
        .containsExactly(
            "Federal Police Service of Ruritania", "Federal Police Service of Ruritania");
  }

  @Test
  void aLaterStatementContinuesTheLeadChain() {
    assertThat(
            chains(
                "The Northern Courier reported, citing the Open Borders Foundation, that three"
                    + " offices had closed. The foundation said two more were under review."))
        .containsExactly(
            "Open Borders Foundation > Northern Courier",
            "Open Borders Foundation > Northern Courier");
    assertThat(chains("保护卫士称，站点仍在运作。该组织还表示，将继续调查。")).containsExactly("保护卫士", "保护卫士");
  }

  @Test
  void chineseReportsAndDemonstrativesResolve() {
    assertThat(chains("据《南洋观察》报道，站点已关闭。报道援引新西兰内政部的数据称，共有3处。"))
        .containsExactly("南洋观察", "新西兰内政部 > 南洋观察");
    assertThat(chains("站点曾出现在开放边界基金会9月的报告中。该组织称，站点已关闭。")).containsExactly("开放边界基金会");
    assertThat(chains("站点曾出现在开放边界基金会9月的报告中。报告称，站点已关闭。")).containsExactly("开放边界基金会");
    assertThat(chains("据《北欧时报》援引灯塔研究所的报告报道，站点已关闭。该研究所称，另有四处。"))
        .containsExactly("灯塔研究所 > 北欧时报", "灯塔研究所 > 北欧时报");
  }

  @Test
  void aPrivateNameNeverAppearsInAChain() {
    for (String s :
        List.of(
            "Jane Doe said she was followed.",
            "Mei Lin told Radio Free Asia she was threatened.",
            "According to John Smith, the office closed.")) {
      for (Proposal p : propose(s)) {
        assertThat(String.join(" ", p.fields().get("chain")))
            .doesNotContain("Jane", "Doe", "Mei", "Lin", "John", "Smith");
      }
    }
  }

  @Test
  void neverThrowsOnOddInput() {
    Random r = new Random(9);
    String alphabet = "据援引报道称表示的, .\"said according to Citing Police NGO A Z\uD800\n";
    for (int i = 0; i < 3_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(60);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertThat(propose(b.toString())).isNotNull();
    }
    assertThat(propose("")).isEmpty();
  }

  @Test
  @Timeout(20)
  void megabyteOfPathologicalInputCompletes() {
    for (String s :
        new String[] {
          "Aaa ".repeat(250_000) + "said",
          "the police of the police of ".repeat(40_000) + "said",
          "said ".repeat(200_000),
          "据".repeat(1_000_000),
          "援引".repeat(500_000),
          "According to ".repeat(80_000),
          ", citing A".repeat(100_000)
        }) {
      assertThat(propose(s)).isNotNull();
    }
  }

  /** Page furniture, descriptors before a one-word name and 获得的 relays stay linear too. */
  @Test
  @Timeout(20)
  void quarterMegabyteOfFurnitureAndRelayInputCompletes() {
    for (String s :
        new String[] {
          "\n".repeat(250_000) + "© The Aaa Bbb",
          "© Aaa Bbb\n".repeat(25_000),
          "the weekly Aaaa reported by ".repeat(10_000),
          "该报援引甲社获得的".repeat(25_000) + "称"
        }) {
      assertThat(propose(s)).isNotNull();
    }
  }

  /** The page's own outlet (masthead, byline, footer, "told the Courier") is never in a chain. */
  @Test
  void thePagesOwnOutletIsNoPartyAndItsFurnitureStartsNoChain() {
    String page =
        String.join(
            "\n",
            "Council reviews desk in Bergen",
            "FJORD VALLEY COURIER",
            "Home | Norway | World",
            "Fjord Valley Courier | 4 May 2024",
            "The National Police Directorate told the Courier that it had opened a file.",
            "A shop owner told the Courier that the desk had been empty since March.",
            "Related",
            "- Open Borders Foundation said to expand its list",
            "© Fjord Valley Courier. All rights reserved.");
    assertThat(chains(page)).containsExactly("National Police Directorate");
    String zh = String.join("\n", "北欧侨声网", "首页 | 侨社 | 评论", "据北欧侨声网报道，卑尔根警察局表示，正在调查。", "北欧侨声网 版权所有");
    assertThat(chains(zh)).as(describe(propose(zh))).doesNotContain("北欧侨声网");
  }

  /** "报道称" after a three-link lead continues the lead, not the middle outlet alone. */
  @Test
  void theArticleOfAThreeLinkLeadContinuesTheLead() {
    assertThat(chains("据《峡湾时报》报道，该报援引西海通讯社获得的开放边界基金会资料称，站点设在卑尔根。报道称，站点已关闭。"))
        .containsOnly("开放边界基金会 > 西海通讯社 > 峡湾时报");
  }

  @Test
  void aPassiveAgentInARelayedSentenceCarriesTheRelayChain() {
    List<Proposal> ps =
        propose(
            "Lawmakers asked about the two sites listed by Open Borders Foundation, the Valley"
                + " Times reported, citing an interview the foundation's director gave to Coastal"
                + " Wire.");
    assertThat(ps).as(describe(ps)).isNotEmpty();
    assertThat(ps)
        .allSatisfy(
            p ->
                assertThat(p.fields().get("chain"))
                    .containsExactly("Open Borders Foundation", "Coastal Wire", "Valley Times"));
  }

  @Test
  void aMonthBeforeAReportIsNoParty() {
    List<Proposal> ps =
        propose(
            "The inquiry began in March following a report by Open Borders Foundation, which says"
                + " the office closed.");
    assertThat(ps).as(describe(ps)).isNotEmpty();
    assertThat(ps)
        .allSatisfy(
            p -> assertThat(p.fields().get("chain")).containsExactly("Open Borders Foundation"));
  }

  @Test
  void sameResultUnderTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      List<Proposal> ps = propose("According to Istanbul Police, which cited Interpol, it closed.");
      assertThat(ps).hasSize(1);
      assertThat(ps.get(0).fields().get("chain")).containsExactly("Interpol", "Istanbul Police");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
