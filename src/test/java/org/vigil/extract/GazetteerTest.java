package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private static final Gazetteer G = Gazetteer.standard();

  /** The ids of capitals (feature code PPLC) in the city data file. */
  private static final java.util.Set<String> CAPITAL_IDS =
      Gazetteer.lines(Gazetteer.resource("cities.tsv")).stream()
          .map(l -> l.split("\t", -1))
          .filter(f -> f[6].equals("PPLC"))
          .map(f -> "city:" + f[0])
          .collect(java.util.stream.Collectors.toSet());

  private static List<String> ids(String text) {
    return G.find(text).stream().map(m -> m.entry().id()).toList();
  }

  @Test
  void everyIsoCountryHasSimplifiedAndTraditionalChineseNames() {
    for (String cc : Locale.getISOCountries()) {
      GazetteerEntry e = G.country(cc).orElseThrow(() -> new AssertionError(cc));
      assertThat(e.nameZh()).as(cc).isNotBlank();
      assertThat(e.names()).as(cc).contains(e.nameZh());
    }
    assertThat(G.country("TW").orElseThrow().names()).contains("台湾", "台灣");
  }

  @Test
  void everyCapitalHasChineseNameAndCoordinates() {
    List<GazetteerEntry> cities = G.entries("city");
    assertThat(cities).hasSizeGreaterThan(4000);
    List<String> capitals =
        G.entries("city").stream()
            .filter(c -> CAPITAL_IDS.contains(c.id()))
            .map(GazetteerEntry::nameEn)
            .toList();
    assertThat(capitals).hasSizeGreaterThan(200);
    for (GazetteerEntry c : cities) {
      if (CAPITAL_IDS.contains(c.id())) {
        assertThat(c.nameZh()).as(c.nameEn()).isNotBlank();
      }
      assertThat(c.lat()).isBetween(-90.0, 90.0);
      assertThat(c.lon()).isBetween(-180.0, 180.0);
    }
  }

  @Test
  void stationCitiesArePresentWithChineseNames() {
    for (String zh :
        List.of(
            "鹿特丹", "阿姆斯特丹", "都柏林", "多伦多", "温哥华", "纽约", "伦敦", "格拉斯哥", "米兰", "罗马", "佛罗伦萨", "普拉托",
            "马德里", "巴塞罗那", "瓦伦西亚", "巴黎", "法兰克福", "柏林", "布拉格", "布达佩斯", "贝尔格莱德", "里斯本", "斯德哥尔摩", "东京",
            "首尔", "悉尼", "圣保罗", "布宜诺斯艾利斯", "圣地亚哥", "拉各斯", "约翰内斯堡", "达累斯萨拉姆")) {
      assertThat(G.find("设在" + zh + "的"))
          .as(zh)
          .singleElement()
          .satisfies(m -> assertThat(m.entry().kind()).isEqualTo("city"));
    }
  }

  @Test
  void matchesEnglishChineseAndTraditionalNames() {
    assertThat(ids("a station in the Netherlands")).containsExactly("country:NL");
    assertThat(ids("荷兰")).containsExactly("country:NL");
    assertThat(ids("荷蘭")).containsExactly("country:NL");
    assertThat(ids("Dutch prosecutors")).containsExactly("country:NL");
    assertThat(ids("多倫多")).hasSize(1);
    assertThat(G.find("in Toronto").get(0).entry().country()).isEqualTo("CA");
  }

  @Test
  void respectsWordBoundariesAndCapitalisation() {
    assertThat(ids("Chadwick said")).isEmpty();
    assertThat(ids("He flew to Chad.")).containsExactly("country:TD");
    assertThat(ids("roast turkey")).isEmpty();
    assertThat(ids("the Italians")).isEmpty();
    assertThat(ids("a nice day")).isEmpty();
  }

  @Test
  void prefersTheLongestMatch() {
    assertThat(G.find("offices in New York and York"))
        .extracting(GazetteerMatch::surface)
        .containsExactly("New York", "York");
    assertThat(G.find("in New York").get(0).entry().country()).isEqualTo("US");
    assertThat(ids("across Latin America")).isEmpty();
  }

  @Test
  void findsBodiesInBothScripts() {
    assertThat(ids("the Fuzhou Public Security Bureau")).containsExactly("org:fuzhou-psb");
    assertThat(ids("福州市公安局")).containsExactly("org:fuzhou-psb");
    assertThat(ids("青田縣公安局")).containsExactly("org:qingtian-psb");
    assertThat(ids("the RCMP said")).containsExactly("org:rcmp");
  }

  @Test
  void loadsExtraFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("extra.tsv");
    java.nio.file.Files.writeString(
        f, "# mine\norg:test-assoc\thometown_association\tNL\tTest Hometown Union\t测试同乡会\t\n");
    Gazetteer g = Gazetteer.withExtra(List.of(f));
    assertThat(g.byId("org:test-assoc")).isPresent();
    assertThat(g.find("the Test Hometown Union met")).hasSize(1);
  }

  @Test
  void findsNothingInEmptyText() {
    assertThat(G.find("")).isEmpty();
  }

  @Test
  void completesAThousandSearchesOfAFiveKilobyteText() {
    StringBuilder b = new StringBuilder();
    while (b.length() < 5_000) {
      b.append("A service station in Rotterdam, 荷兰, run by the Fuzhou PSB with Dutch help. ");
    }
    String text = b.toString();
    int total = 0;
    for (int i = 0; i < 1_000; i++) {
      total += G.find(text).size();
    }
    assertThat(total).isPositive();
  }

  @Test
  void matchesTheSameUnderTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(ids("ITALY and Istanbul, Ireland")).contains("country:IT", "country:IE");
    } finally {
      Locale.setDefault(saved);
    }
  }

  /**
   * Cities over 500,000 still without a Chinese name: districts and boroughs counted as their city
   * (Manhattan, Iztapalapa, Üsküdar), GeoNames duplicates and localities, and cities whose standard
   * rendering was not certain. Naming one takes it off the list; a new large city must be named or
   * listed here.
   */
  private static final java.util.Set<String> PENDING_ZH =
      java.util.Set.of(
          "Valencia/VE",
          "Sale/MA",
          "Beira/MZ",
          "Davao/PH",
          "León de los Aldama/MX",
          "Duque de Caxias/BR",
          "São Bernardo do Campo/BR",
          "Jaboatão/BR",
          "Jaboatão dos Guararapes/BR",
          "Contagem/BR",
          "Aparecida de Goiânia/BR",
          "Abobo/CI",
          "Puente Alto/CL",
          "Zhongshan/CN",
          "Dadonghai/CN",
          "Guankou/CN",
          "Changzhi/CN",
          "Puyang Chengguanzhen/CN",
          "Panshan/CN",
          "Guli/CN",
          "Santiago de los Caballeros/DO",
          "Santo Domingo Oeste/DO",
          "Santo Domingo Este/DO",
          "Boumerdas/DZ",
          "Tébessa/DZ",
          "Camayenne/GN",
          "Depok/ID",
          "Situbondo/ID",
          "Tirunelveli/IN",
          "Najafgarh/IN",
          "Gorakhpur/IN",
          "Nashik/IN",
          "Pimpri/IN",
          "Kalyān/IN",
          "Thāne/IN",
          "Nowrangapur/IN",
          "Ghāziābād/IN",
          "Dombivli/IN",
          "Teni/IN",
          "Shivaji Nagar/IN",
          "Solāpur/IN",
          "Vijayawada/IN",
          "Rohini/IN",
          "Hubli/IN",
          "Narela/IN",
          "Jalandhar/IN",
          "Salem/IN",
          "Tiruchirappalli/IN",
          "Kota/IN",
          "Bhiwandi/IN",
          "Bhilai/IN",
          "Borivli/IN",
          "Amrāvati/IN",
          "Sāngli/IN",
          "Cuttack/IN",
          "Bhavnagar/IN",
          "Nanded/IN",
          "Raurkela/IN",
          "Guntur/IN",
          "Bhayandar/IN",
          "Durgapur/IN",
          "Ulhasnagar/IN",
          "Kolhāpur/IN",
          "Bilimora/IN",
          "Karol Bāgh/IN",
          "Āsansol/IN",
          "Al Mawşil al Jadīdah/IQ",
          "Al Başrah al Qadīmah/IQ",
          "Pasragad Branch/IR",
          "Kahrīz/IR",
          "Āzādshahr/IR",
          "New Kingston/JM",
          "Yono/JP",
          "Honchō/JP",
          "Goyang-si/KR",
          "Seongnam-si/KR",
          "Bucheon-si/KR",
          "Jeonju/KR",
          "Ansan-si/KR",
          "Ra’s Bayrūt/LB",
          "Ecatepec de Morelos/MX",
          "Gustavo Adolfo Madero/MX",
          "Ciudad Nezahualcoyotl/MX",
          "Naucalpan de Juárez/MX",
          "Álvaro Obregón/MX",
          "Guadalupe/MX",
          "Tlalnepantla/MX",
          "Santa María Chimalhuacán/MX",
          "Tlaquepaque/MX",
          "Tlalpan/MX",
          "Tuxtla/MX",
          "Cuauhtémoc/MX",
          "Kampung Baru Subang/MY",
          "Aba/NG",
          "Ebute Ikorodu/NG",
          "Caloocan City/PH",
          "Budta/PH",
          "Malingao/PH",
          "Taguig/PH",
          "Las Piñas/PH",
          "Antipolo/PH",
          "Rahim Yar Khan/PK",
          "Battagram/PK",
          "Kotli/PK",
          "Khabarovsk Vtoroy/RU",
          "Kalininskiy/RU",
          "Sulţānah/SA",
          "Pikine/SN",
          "Çankaya/TR",
          "Bağcılar/TR",
          "Bahçelievler/TR",
          "Umraniye/TR",
          "Esenler/TR",
          "Brooklyn/US",
          "Queens/US",
          "Manhattan/US",
          "The Bronx/US",
          "New South Memphis/US",
          "South Boston/US",
          "Tembisa/ZA");

  @Test
  void everyCityOverHalfAMillionHasAChineseNameOrIsListedAsPending() {
    java.util.Map<String, Long> population =
        Gazetteer.lines(Gazetteer.resource("cities.tsv")).stream()
            .map(l -> l.split("\t", -1))
            .collect(
                java.util.stream.Collectors.toMap(
                    f -> "city:" + f[0], f -> Long.parseLong(f[5]), (a, b) -> a));
    List<GazetteerEntry> large =
        G.entries("city").stream()
            .filter(c -> population.getOrDefault(c.id(), 0L) >= 500_000)
            .toList();
    assertThat(large).hasSizeGreaterThan(800);
    List<String> unnamed =
        large.stream()
            .filter(c -> c.nameZh() == null || c.nameZh().isBlank())
            .map(c -> c.names().get(0) + "/" + c.country())
            .sorted()
            .toList();
    double coverage = 1.0 - (double) unnamed.size() / large.size();
    System.out.printf(
        "Chinese names for %d of %d cities over 500,000 (%.1f%%); without: %s%n",
        large.size() - unnamed.size(), large.size(), 100 * coverage, unnamed);
    assertThat(unnamed).allSatisfy(k -> assertThat(PENDING_ZH).as("pending").contains(k));
    assertThat(coverage).isGreaterThanOrEqualTo(0.85);
  }
}
