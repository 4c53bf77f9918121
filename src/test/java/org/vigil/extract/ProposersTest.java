package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;

class ProposersTest {
  private static final Gazetteer G = Gazetteer.standard();
  private static final Proposers P = Proposers.standard(G);

  private static List<Proposal> of(ProposalKind kind, String text) {
    return P.propose(new ProposalInput("src", text, "und", null)).stream()
        .filter(p -> p.kind() == kind)
        .toList();
  }

  @Test
  void placeProposerGivesCountryCodeAndCoordinates() {
    List<Proposal> ps = of(ProposalKind.PLACE, "Reporters visited Rotterdam and 都柏林 in China.");
    assertThat(ps).extracting(p -> p.first("country")).containsExactly("NL", "IE", "CN");
    assertThat(ps.get(0).first("placeKind")).isEqualTo("city");
    assertThat(ps.get(0).first("lat")).startsWith("51.");
    assertThat(ps.get(2).first("placeKind")).isEqualTo("country");
  }

  @Test
  void organizationProposerFindsGazetteerBodiesAndPatterns() {
    List<Proposal> ps =
        of(
            ProposalKind.ORGANIZATION,
            "The Lianyungang Public Security Bureau and the 荷兰福建同乡会 met the UFWD; "
                + "据报道，瑞昌市公安局 also joined the Dublin Fujian Hometown Association.");
    assertThat(ps)
        .extracting(p -> p.first("name"))
        .contains(
            "Lianyungang Public Security Bureau",
            "荷兰福建同乡会",
            "United Front Work Department",
            "瑞昌市公安局",
            "Dublin Fujian Hometown Association");
    Proposal assoc =
        ps.stream().filter(p -> p.first("name").equals("荷兰福建同乡会")).findFirst().orElseThrow();
    assertThat(assoc.first("orgKind")).isEqualTo("hometown_association");
    assertThat(assoc.first("country")).isEqualTo("NL");
    Proposal psb =
        ps.stream()
            .filter(p -> p.first("name").startsWith("Lianyungang"))
            .findFirst()
            .orElseThrow();
    assertThat(psb.first("country")).isEqualTo("CN");
  }

  @Test
  void stationProposerFindsEnglishReports() {
    List<Proposal> ps =
        of(
            ProposalKind.STATION,
            "The Fuzhou Public Security Bureau ran it. It operated an office in Dublin that served"
                + " as an overseas police service station.");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.first("city")).isEqualTo("Dublin");
              assertThat(p.first("country")).isEqualTo("IE");
              assertThat(p.first("agency")).isEqualTo("Fuzhou Public Security Bureau");
            });
  }

  @Test
  void stationProposerFindsChineseReportsWithAgency() {
    List<Proposal> ps = of(ProposalKind.STATION, "福州市公安局设立的海外警务服务站位于荷兰鹿特丹和都柏林。");
    assertThat(ps).extracting(p -> p.first("city")).containsExactly("Rotterdam", "Dublin");
    assertThat(ps.get(0).first("agency")).isEqualTo("Fuzhou Public Security Bureau");
    assertThat(of(ProposalKind.STATION, "荷兰鹿特丹的一处服务站由中国公安部门运营，属于海外警务网络。"))
        .singleElement()
        .satisfies(p -> assertThat(p.first("country")).isEqualTo("NL"));
  }

  @Test
  void stationProposerAcceptsChineseOriginRightBeforeTheCue() {
    assertThat(
            of(
                ProposalKind.STATION,
                "Investigators looked into Chinese police stations in Markham and Vancouver."))
        .extracting(p -> p.first("city"))
        .containsExactly("Markham", "Vancouver");
    assertThat(
            of(
                ProposalKind.STATION,
                "A so-called 110 Overseas service station worked out of a shop in Glasgow."))
        .singleElement()
        .satisfies(p -> assertThat(p.first("country")).isEqualTo("GB"));
    assertThat(
            of(
                ProposalKind.STATION,
                "Chinese tourists were robbed near a police station in Paris."))
        .isEmpty();
  }

  @Test
  void stationProposerNamesTheHostAssociation() {
    List<Proposal> ps =
        of(
            ProposalKind.STATION,
            "A Chinese police service station abroad was housed by the Prato Chinese Association"
                + " in Prato.");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.first("city")).isEqualTo("Prato");
              assertThat(p.first("host")).isEqualTo("Prato Chinese Association");
            });
  }

  @Test
  void stationProposerIgnoresCountsDomesticPostsHostPoliceHelplinesAndPetrol() {
    for (String negative :
        List.of(
            "The group counted 102 overseas police stations in 53 countries.",
            "He reported to a police station in Fuzhou.",
            "他去了福州的派出所。",
            "The Toronto Police opened a community sub-station in Chinatown.",
            "Travellers abroad should dial 999 in the UK or call 110 in China to reach the police.",
            "The service station in Milan sells cheap petrol to foreign drivers.")) {
      assertThat(of(ProposalKind.STATION, negative)).as(negative).isEmpty();
    }
  }

  @Test
  void aSentenceBeforeAnyStationReportIsNoFollowUp() {
    // Before the fix, "no station sentence yet" overflowed into "just had one".
    assertThat(stationCities("Travellers stranded at Warsaw station\n\nTrains resumed later."))
        .isEmpty();
    assertThat(stationCities("Crowds at the Lyon station. The station in Toulouse was calm."))
        .isEmpty();
  }

  @Test
  void stationProposerIgnoresTransportHubLocalAndCommunityPoliceAndPeopleFromChina() {
    for (String negative :
        List.of(
            "Officers from the railway station's police post in Warsaw helped overseas tourists"
                + " from China.",
            "The police post inside the coach station in Lyon gave foreign students blankets.",
            "Chinese tourists abroad robbed in Madrid should go to a local police station.",
            "Foreign visitors, including Chinese students, reported it at a police office in"
                + " Rome.",
            "纽约市警察局在唐人街开设社区警务服务站，为来自中国的游客提供服务。",
            "一個來自中國的旅行團在巴黎北站遺失行李，站內警務站的警員協助尋回。",
            "海外中国游客在巴黎可以到警务站求助。")) {
      assertThat(of(ProposalKind.STATION, negative)).as(negative).isEmpty();
    }
    // a real report still counts, even beside tourists
    assertThat(
            stationCities(
                "Chinese tourists were told that the Fuzhou Public Security Bureau ran a police"
                    + " service station in Paris."))
        .containsExactly("Paris/FR");
    assertThat(stationCities("福州市公安局在巴黎设立了海外警务服务站，中国游客也曾前往。")).containsExactly("Paris/FR");
  }

  @Test
  void incidentProposerFindsTacticsWithGenericTargets() {
    List<Proposal> ps =
        of(
            ProposalKind.INCIDENT,
            "On 3 March 2022 a dissident in Toronto was pressured to return to China.");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.first("tactic")).isEqualTo("persuasion_to_return");
              assertThat(p.first("target")).isEqualTo("a dissident in Toronto");
              assertThat(p.first("country")).isEqualTo("CA");
              assertThat(p.first("date")).isEqualTo("2022-03-03");
            });
    assertThat(of(ProposalKind.INCIDENT, "一名海外华人被劝返，其家人受到威胁。"))
        .extracting(p -> p.first("tactic"))
        .containsExactly("persuasion_to_return", "threats_to_relatives");
    assertThat(of(ProposalKind.INCIDENT, "Officers threatened his family after he spoke out."))
        .singleElement()
        .satisfies(p -> assertThat(p.first("target")).isEqualTo("relatives in China"));
    assertThat(of(ProposalKind.INCIDENT, "China issued an Interpol red notice for a critic."))
        .extracting(p -> p.first("tactic"))
        .containsExactly("interpol_misuse");
  }

  @Test
  void incidentTargetsNeverCarryPersonalNames() {
    List<Proposal> ps =
        of(
            ProposalKind.INCIDENT,
            "Wei Zhang, a student living in Lyon, was harassed online; John Smith was followed.");
    assertThat(ps).isNotEmpty();
    for (Proposal p : ps) {
      assertThat(p.first("target")).doesNotContain("Wei", "Zhang", "John", "Smith");
    }
  }

  @Test
  void ambiguousCityGoesToTheCountryTheTextNames() {
    // Valencia: Venezuela's is larger, but a text about Spain means Spain's
    assertThat(of(ProposalKind.PLACE, "Officials in Spain visited Valencia on Monday."))
        .filteredOn(p -> "city".equals(p.first("placeKind")))
        .singleElement()
        .satisfies(p -> assertThat(p.first("country")).isEqualTo("ES"));
    assertThat(
            of(ProposalKind.PLACE, "Flooding closed roads near Valencia and Caracas in Venezuela."))
        .filteredOn(p -> "Valencia".equals(p.first("city")))
        .singleElement()
        .satisfies(p -> assertThat(p.first("country")).isEqualTo("VE"));
  }

  @Test
  void citiesUseTheCommonEnglishNameAndDistrictsCountAsTheirCity() {
    List<Proposal> ps =
        of(
            ProposalKind.PLACE,
            "A trade fair in Frankfurt am Main drew visitors from Brooklyn, Croydon and 雪梨.");
    assertThat(ps)
        .extracting(p -> p.first("city"))
        .containsExactly("Frankfurt", "New York", "London", "Sydney");
    assertThat(
            of(ProposalKind.PLACE, "Tourists crowded Chinatown during the Manhattan Project talk."))
        .isEmpty();
  }

  private static List<String> stationCities(String text) {
    return of(ProposalKind.STATION, text).stream()
        .map(p -> p.first("city") + "/" + p.first("country"))
        .distinct()
        .toList();
  }

  @Test
  void stationContextCarriesToTheNextSentencesThatNameStations() {
    assertThat(
            stationCities(
                "A new report lists overseas police stations run by county bureaus. Among the"
                    + " places it names are Lyon and Toulouse, where the stations share offices."))
        .containsExactly("Lyon/FR", "Toulouse/FR");
    // a later sentence without a station noun, or about a train station, names no host
    assertThat(
            stationCities(
                "A new report lists overseas police stations run by county bureaus. Officials in"
                    + " Lyon declined to comment. The train station in Toulouse was closed."))
        .isEmpty();
    // the window is short: a station noun four sentences later does not inherit the context
    assertThat(
            stationCities(
                "A report lists overseas police stations run by county bureaus. It was long. It"
                    + " was late. Readers were tired. Some stations in Toulouse were renamed."))
        .isEmpty();
  }

  @Test
  void stationProposerReadsChineseCuesWithoutTheWordOverseas() {
    assertThat(stationCities("调查人员称，中国警方在温哥华设立了一处非官方警察站。")).containsExactly("Vancouver/CA");
    assertThat(stationCities("报告称，涉华警务站位于温哥华。该组织说，温哥华的站点由温州警方设立。")).containsExactly("Vancouver/CA");
    assertThat(stationCities("温哥华的网站报道了车站改建。")).isEmpty();
  }

  @Test
  void missionSeatsAndBasedBodiesAreNoStationHosts() {
    assertThat(
            stationCities(
                "The Chinese embassy in Oslo denied running overseas police stations in Bergen."))
        .containsExactly("Bergen/NO");
    assertThat(
            stationCities(
                "The Oslo-based monitor says overseas police stations operate in Bergen."))
        .containsExactly("Bergen/NO");
    assertThat(stationCities("中国驻挪威使馆称，所谓海外警务站并不存在。")).isEmpty();
  }

  @Test
  void aCountryAloneIsDroppedWhenAStationCityInItIsNamed() {
    assertThat(
            stationCities(
                "Overseas police stations in Norway were reported. One overseas police station"
                    + " was in Bergen."))
        .containsExactly("Bergen/NO");
  }

  @Test
  void covertPoliceStationWithChineseOriginIsAStation() {
    assertThat(
            stationCities(
                "Prosecutors say the men ran a secret police station in Lyon for Chinese officials."))
        .containsExactly("Lyon/FR");
    assertThat(stationCities("A secret police station in Lyon is the setting of a crime novel."))
        .isEmpty();
  }

  @Test
  void overseasStationsWithABureauTakeTheCityOfThePreviousSentence() {
    assertThat(
            stationCities(
                "Inspectors visited a shop in Lyon last week. The shop was one of the overseas"
                    + " stations of the Wenzhou Public Security Bureau."))
        .containsExactly("Lyon/FR");
  }

  private static List<String> incidents(String text) {
    return of(ProposalKind.INCIDENT, text).stream()
        .map(p -> p.first("tactic") + "/" + p.first("country"))
        .distinct()
        .toList();
  }

  @Test
  void incidentCountryIsWhereTheTargetLivesNeverChina() {
    assertThat(
            incidents("Officers went to warn his parents in China after a nurse in Oslo spoke up."))
        .isEmpty(); // no trigger: "went to warn" is not reported as done to the relatives
    assertThat(incidents("A nurse in Oslo said police had visited her mother in China twice."))
        .containsExactly("threats_to_relatives/NO");
    assertThat(incidents("Such offices help to pressure emigrants to go back to China."))
        .containsExactly("persuasion_to_return/");
    // the unlocated pattern is dropped when a located case of the same tactic is reported
    assertThat(
            incidents(
                "Such offices help to pressure emigrants to go back to China. A cook living in"
                    + " Norway was urged to return home within a month."))
        .containsExactly("persuasion_to_return/NO");
    assertThat(incidents("一名旅德商人说，他在国内的父母被警方约谈。")).containsExactly("threats_to_relatives/DE");
  }

  @Test
  void incidentTriggersForSurveillanceAndOnlineHarassment() {
    assertThat(incidents("Students in Oslo said they were photographed at a vigil."))
        .containsExactly("surveillance/NO");
    assertThat(incidents("挪威的一些留学生说，有人向同学打听他们的住址。")).containsExactly("surveillance/NO");
    assertThat(incidents("Writers in Norway received threatening messages on social media."))
        .containsExactly("online_harassment/NO");
    assertThat(incidents("奥斯陆一名作家说，她在社交媒体上遭到骚扰。")).containsExactly("online_harassment/NO");
    assertThat(incidents("一名居住在挪威的男子在家人遭警方施压后被迫回国。"))
        .containsExactly("persuasion_to_return/NO", "threats_to_relatives/NO");
  }

  @Test
  void appealsToComeForwardReportNoIncident() {
    assertThat(incidents("Police in Oslo asked anyone who had been intimidated to call them."))
        .isEmpty();
    assertThat(incidents("挪威警方呼吁受到恐吓的人士与警方联系。")).isEmpty();
  }

  private static List<String> organizations(String text) {
    return of(ProposalKind.ORGANIZATION, text).stream()
        .map(p -> p.first("name") + "/" + p.first("orgKind"))
        .toList();
  }

  @Test
  void organizationProposerFindsOutletsAgenciesAndForeignMinistries() {
    assertThat(
            organizations(
                "The Lakeside Herald said on Friday, citing the Baltic Press Agency, that the Oslo"
                    + " Police Service and the Department of Justice and Security had met."))
        .containsExactly(
            "Lakeside Herald/media_outlet",
            "Baltic Press Agency/media_outlet",
            "Oslo Police Service/host_state_agency",
            "Department of Justice and Security/ministry");
    // title-case station names are no host bodies or outlets
    assertThat(organizations("Inside The Fuzhou Overseas Police Service Station In Oslo"))
        .isEmpty();
    assertThat(organizations("Oslo Closes Chinese Police Post")).isEmpty();
    // a capitalised word at the end of the previous line is no part of a name
    assertThat(organizations("Officers met in Oslo\nThe Lakeside Herald covered it."))
        .containsExactly("Lakeside Herald/media_outlet");
    assertThat(organizations("据《北岸晨报》援引极光通讯社报道，挪威外交部已召见中方外交官。"))
        .containsExactly("北岸晨报/media_outlet", "极光通讯社/media_outlet", "挪威外交部/ministry");
  }

  @Test
  void localAssociationsAreDescriptionsNotNames() {
    assertThat(organizations("该站点设在当地同乡会的楼内，由本地商会协助。")).isEmpty();
    assertThat(organizations("当地电台报道了此事。")).isEmpty();
  }

  @Test
  void incidentSentenceAboutOnePersonTakesThePlaceOfTheSentenceBefore() {
    assertThat(
            incidents(
                "Exiles in Bergen described months of pressure. One nurse said officers had"
                    + " called on her family in China twice."))
        .containsExactly("threats_to_relatives/NO");
    // a general pattern does not inherit; nor does a sentence in the next paragraph
    assertThat(
            incidents(
                "Exiles in Bergen described months of pressure. The offices were used to keep"
                    + " track of people who had left China."))
        .containsExactly("surveillance/");
    assertThat(
            incidents(
                "Exiles in Bergen described months of pressure.\n\nOne nurse said officers had"
                    + " called on her family in China twice."))
        .containsExactly("threats_to_relatives/");
  }

  @Test
  void moreReturnAndRelativeTriggers() {
    assertThat(incidents("A chef living in Norway was told to go home and face trial."))
        .containsExactly("persuasion_to_return/NO");
    assertThat(incidents("A chef in Bergen was pushed to go back after police told his sister."))
        .containsExactly("persuasion_to_return/NO", "threats_to_relatives/NO");
    assertThat(incidents("Some exiles in Norway had their parents contacted by police."))
        .containsExactly("threats_to_relatives/NO");
    assertThat(incidents("Officials were accused of threatening relatives of critics in Norway."))
        .containsExactly("threats_to_relatives/NO");
  }

  @Test
  void hostileInputsProduceNoException() {
    Random r = new Random(7);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 1_000_000; i++) {
      letters.append((char) ('a' + r.nextInt(26)));
      if (r.nextInt(9) == 0) {
        letters.append(r.nextBoolean() ? ' ' : 'A');
      }
    }
    String repeated = "police station in Rotterdam 海外警务服务站 劝返 ".repeat(5_000);
    String nested = "Association of ".repeat(10_000) + "公安局".repeat(10_000);
    for (String text :
        List.of("", " ", "\uD800", "\u0000\uFFFF", letters.toString(), repeated, nested)) {
      List<Proposal> ps = P.propose(new ProposalInput("src", text, "und", null));
      for (Proposal p : ps) {
        assertThat(text.substring(p.span().start(), p.span().end())).isEqualTo(p.span().quote());
      }
    }
  }

  @Test
  void proposesTheSameUnderTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(of(ProposalKind.STATION, "An ILLEGAL overseas police station in Italy was shut."))
          .singleElement()
          .satisfies(p -> assertThat(p.first("country")).isEqualTo("IT"));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
