package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.Transliterator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class SourceIndexTest {
  @TempDir Path dir;
  SourceIndex index;

  @BeforeEach
  void open() {
    index = SourceIndex.open(dir);
  }

  @AfterEach
  void close() {
    index.close();
  }

  static IndexedSource en(String id, String title, String text) {
    return source(id, title, text, "en", "Daily Herald", LocalDate.of(2022, 10, 5));
  }

  static IndexedSource zh(String id, String title, String text) {
    return source(id, title, text, "zh-Hans", "联合早报", LocalDate.of(2023, 3, 1));
  }

  static IndexedSource source(
      String id, String title, String text, String lang, String publisher, LocalDate date) {
    String normalized = Transliterator.getInstance("Traditional-Simplified").transliterate(text);
    return new IndexedSource(
        id, title, text, normalized, lang, new IndexedSource.SourceFacets(publisher, date, null));
  }

  private List<String> ids(String text) {
    return ids(SearchQuery.of(text));
  }

  private List<String> ids(SearchQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  private static SearchQuery filtered(
      String text, String lang, String publisher, LocalDate from, LocalDate to) {
    return new SearchQuery(text, lang, publisher, from, to, 10);
  }

  @Test
  void pluralQueryFindsSingularThroughStemming() {
    index.upsert(en("a", "Report", "The police station in Manhattan was closed."));
    index.commit();

    assertThat(ids("stations")).containsExactly("a");
    assertThat(ids("investigating")).isEmpty();
  }

  @Test
  void phraseRequiresAdjacentWordsWhileLooseWordsDoNot() {
    index.upsert(en("adjacent", "One", "A secret police station operated in the city."));
    index.upsert(en("apart", "Two", "The station was reported to the police last week."));
    index.commit();

    assertThat(ids("police station")).containsExactlyInAnyOrder("adjacent", "apart");
    assertThat(ids("\"police station\"")).containsExactly("adjacent");
  }

  @Test
  void notOperatorExcludesAndOrOperatorWidens() {
    index.upsert(en("a", "One", "Overseas police station in Rotterdam."));
    index.upsert(en("b", "Two", "Overseas police station in Toronto."));
    index.commit();

    assertThat(ids("police -toronto")).containsExactly("a");
    assertThat(ids("rotterdam | toronto")).containsExactlyInAnyOrder("a", "b");
    assertThat(ids("rotter*")).containsExactly("a");
  }

  @Test
  void chineseTextIsSegmentedIntoWords() {
    index.upsert(zh("a", "报道", "调查显示，海外警务服务站在多国设立。"));
    index.commit();

    assertThat(ids("警务")).containsExactly("a");
    assertThat(ids("服务站")).containsExactly("a");
    assertThat(ids("公安局")).isEmpty();
  }

  @Test
  void chinesePhraseRequiresTheWordsInOrder() {
    index.upsert(zh("phrase", "一", "所谓海外警务服务站引起关注。"));
    index.upsert(zh("scattered", "二", "服务站设在海外，与警务部门有关。"));
    index.commit();

    assertThat(ids("\"海外警务服务站\"")).containsExactly("phrase");
    assertThat(ids("海外 警务 服务站")).containsExactlyInAnyOrder("phrase", "scattered");
  }

  @Test
  void traditionalQueryFindsSimplifiedSource() {
    index.upsert(zh("s", "简体", "海外警务服务站和同乡会的关系受到调查。"));
    index.commit();

    assertThat(ids("海外警務服務站")).containsExactly("s");
    assertThat(ids("\"海外警務服務站\"")).containsExactly("s");
    assertThat(ids("同鄉會")).containsExactly("s");
  }

  @Test
  void simplifiedQueryFindsTraditionalSourceAndHighlightsTheOriginalText() {
    String traditional = "報導指出，海外警務服務站與同鄉會關係密切。";
    index.upsert(source("t", "繁體", traditional, "zh-Hant", "自由時報", LocalDate.of(2022, 12, 1)));
    index.commit();

    SearchResult result = index.search(SearchQuery.of("警务服务站"));

    assertThat(result.hits()).extracting(SearchHit::id).containsExactly("t");
    SearchHit hit = result.hits().get(0);
    assertThat(hit.snippet()).contains("警務服務站");
    assertThat(hit.highlights())
        .extracting(s -> hit.snippet().substring(s.start(), s.end()))
        .containsExactly("警務服務站");
  }

  @Test
  void englishWordsInsideChinesePagesAreFound() {
    index.upsert(zh("a", "报道", "组织 Safeguard Defenders 发布报告，指出海外警务服务站。"));
    index.commit();

    assertThat(ids("safeguard defenders")).containsExactly("a");
  }

  @Test
  void otherLanguagesAreFindableWithoutStemming() {
    index.upsert(source("de", "Bericht", "Eine Polizeistation in Frankfurt.", "de", "FAZ", null));
    index.upsert(
        source("es", "Informe", "La comisaría clandestina de Madrid.", "es", "El País", null));
    index.upsert(source("ru", "Доклад", "Полицейский участок в Москве.", "ru", "Meduza", null));
    index.upsert(source("ko", "보도", "중국 비밀 경찰서 의혹", "ko", "Yonhap", null));
    index.commit();

    assertThat(ids("POLIZEISTATION")).containsExactly("de");
    assertThat(ids("comisaría")).containsExactly("es");
    assertThat(ids("участок")).containsExactly("ru");
    assertThat(ids("경찰서")).containsExactly("ko");
  }

  @Test
  void languageFilterOnBaseLanguageMatchesEveryScriptVariant() {
    index.upsert(source("hans", "a", "海外警务服务站", "zh-Hans", "p", null));
    index.upsert(source("hant", "b", "海外警務服務站", "zh-Hant", "p", null));
    index.upsert(source("en", "c", "overseas 海外警务服务站 station", "en", "p", null));
    index.commit();

    assertThat(ids(filtered("服务站", "zh", null, null, null)))
        .containsExactlyInAnyOrder("hans", "hant");
    assertThat(ids(filtered("服务站", "zh-Hant", null, null, null))).containsExactly("hant");
    assertThat(ids(filtered("服务站", "EN", null, null, null))).containsExactly("en");
    assertThat(ids("服务站")).containsExactlyInAnyOrder("hans", "hant", "en");
  }

  @Test
  void publisherFilterIsExact() {
    index.upsert(source("a", "t", "police station", "en", "The Guardian", null));
    index.upsert(source("b", "t", "police station", "en", "Guardian", null));
    index.commit();

    assertThat(ids(filtered("police", null, "The Guardian", null, null))).containsExactly("a");
    assertThat(ids(filtered("police", null, "the guardian", null, null))).isEmpty();
  }

  @Test
  void dateRangeIncludesBothEnds() {
    index.upsert(source("early", "t", "police", "en", "p", LocalDate.of(2019, 1, 1)));
    index.upsert(source("mid", "t", "police", "en", "p", LocalDate.of(2021, 6, 30)));
    index.upsert(source("late", "t", "police", "en", "p", LocalDate.of(2024, 12, 31)));
    index.upsert(source("undated", "t", "police", "en", "p", null));
    index.commit();

    assertThat(
            ids(
                filtered(
                    "police", null, null, LocalDate.of(2019, 1, 1), LocalDate.of(2021, 6, 30))))
        .containsExactlyInAnyOrder("early", "mid");
    assertThat(ids(filtered("police", null, null, LocalDate.of(2021, 7, 1), null)))
        .containsExactly("late");
    assertThat(ids(filtered("police", null, null, null, LocalDate.of(2018, 12, 31)))).isEmpty();
  }

  @Test
  void facetsCountEveryMatchNotJustTheFirstPage() {
    for (int i = 0; i < 7; i++) {
      index.upsert(
          source(
              "en" + i, "t", "police station", "en", "Herald", LocalDate.of(2020 + i % 2, 1, 1)));
    }
    for (int i = 0; i < 3; i++) {
      index.upsert(
          source("zh" + i, "t", "police station 警务", "zh-Hans", "早报", LocalDate.of(2022, 1, 1)));
    }
    index.upsert(
        source("other", "t", "nothing relevant", "en", "Herald", LocalDate.of(2022, 1, 1)));
    index.commit();

    SearchResult r = index.search(new SearchQuery("police", null, null, null, null, 2));

    assertThat(r.total()).isEqualTo(10);
    assertThat(r.hits()).hasSize(2);
    assertThat(r.facets().get("language"))
        .containsExactly(new FacetCount("en", 7), new FacetCount("zh-Hans", 3));
    assertThat(r.facets().get("publisher"))
        .containsExactly(new FacetCount("Herald", 7), new FacetCount("早报", 3));
    assertThat(r.facets().get("year"))
        .containsExactly(
            new FacetCount("2020", 4), new FacetCount("2021", 3), new FacetCount("2022", 3));
  }

  @Test
  void highlightSpansPointAtTheMatchedWords() {
    String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20);
    index.upsert(
        en(
            "a",
            "Report",
            filler + "Investigators found two overseas police stations in the port. " + filler));
    index.commit();

    SearchHit hit = index.search(SearchQuery.of("station investigator")).hits().get(0);

    assertThat(hit.snippet().length()).isLessThanOrEqualTo(240);
    assertThat(hit.highlights())
        .extracting(s -> hit.snippet().substring(s.start(), s.end()))
        .containsExactly("Investigators", "stations");
  }

  @Test
  void phraseHighlightCoversTheWholePhraseInChinese() {
    index.upsert(zh("a", "报道", "据报道，所谓海外警务服务站在荷兰被关闭。"));
    index.commit();

    SearchHit hit = index.search(SearchQuery.of("\"海外警务服务站\"")).hits().get(0);

    assertThat(hit.highlights())
        .extracting(s -> hit.snippet().substring(s.start(), s.end()))
        .containsExactly("海外警务服务站");
  }

  @Test
  void hitCarriesDisplayFields() {
    index.upsert(
        source("a", "Title here", "police station", "en", "Herald", LocalDate.of(2021, 2, 3)));
    index.commit();

    SearchHit hit = index.search(SearchQuery.of("police")).hits().get(0);

    assertThat(hit.id()).isEqualTo("a");
    assertThat(hit.title()).isEqualTo("Title here");
    assertThat(hit.language()).isEqualTo("en");
    assertThat(hit.publisher()).isEqualTo("Herald");
    assertThat(hit.published()).isEqualTo(LocalDate.of(2021, 2, 3));
    assertThat(hit.score()).isPositive();
  }

  @Test
  void titleOnlyMatchStillGivesASnippet() {
    index.upsert(en("a", "Rotterdam station", "Nothing else of note is said here."));
    index.commit();

    SearchHit hit = index.search(SearchQuery.of("rotterdam")).hits().get(0);

    assertThat(hit.snippet()).isNotBlank();
    assertThat(hit.highlights())
        .allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(hit.snippet().length()));
  }

  @Test
  void upsertReplacesTheSourceWithTheSameId() {
    index.upsert(en("a", "Old", "rotterdam"));
    index.commit();
    index.upsert(en("a", "New", "toronto"));
    index.commit();

    assertThat(index.count()).isEqualTo(1);
    assertThat(ids("rotterdam")).isEmpty();
    assertThat(ids("toronto")).containsExactly("a");
  }

  @Test
  void upsertsAreInvisibleUntilCommit() {
    index.upsert(en("a", "t", "rotterdam"));

    assertThat(index.count()).isZero();
    index.commit();
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void committedSourcesSurviveReopening() {
    index.upsert(zh("a", "报道", "海外警务服务站"));
    index.commit();
    index.close();

    index = SourceIndex.open(dir);

    assertThat(index.count()).isEqualTo(1);
    assertThat(ids("服务站")).containsExactly("a");
  }

  @Test
  void clearRemovesEverythingAtCommit() {
    index.upsert(en("a", "t", "rotterdam"));
    index.upsert(en("b", "t", "toronto"));
    index.commit();

    index.clear();
    index.commit();

    assertThat(index.count()).isZero();
    assertThat(ids("rotterdam")).isEmpty();
  }

  @Test
  void secondWriterOnTheSameDirectoryFailsWithIndexFailure() {
    assertThatThrownBy(() -> SourceIndex.open(dir))
        .isInstanceOf(VigilException.class)
        .satisfies(e -> assertThat(((VigilException) e).code()).isEqualTo(ErrorCode.INDEX_FAILURE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\") OR 1=1 --",
        "title:*",
        "\"unbalanced police",
        "police\"",
        "police \\",
        "\\police",
        "((police",
        "police))",
        "police -rivers",
        "| | police",
        "*police*",
        "p*",
        "<script>alert(1)</script>",
        "'; DROP TABLE sources; --",
        "police~2",
        "\u0000police"
      })
  void hostileQueriesNeverThrowAndStaySensible(String text) {
    index.upsert(en("a", "t", "the police station"));
    index.upsert(en("b", "t", "unrelated text about rivers"));
    index.commit();

    SearchResult r = index.search(SearchQuery.of(text));

    // nothing matches everything: "b" never mentions police
    assertThat(r.hits()).extracting(SearchHit::id).doesNotContain("b");
    assertThat(r.total()).isLessThanOrEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "*", "\"", "\\", "!!! ???", "-", "|", "。，、"})
  void emptyOrPunctuationOnlyQueryIsInvalidInput(String text) {
    assertThatThrownBy(() -> index.search(SearchQuery.of(text)))
        .isInstanceOf(VigilException.class)
        .satisfies(
            e -> {
              VigilException v = (VigilException) e;
              assertThat(v.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(v.fieldProblems()).containsKey("query");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"-police", "-police -rivers", "police | -rivers"})
  void queryOfOnlyExclusionsIsInvalidRatherThanMatchingEverything(String text) {
    assertThatThrownBy(() -> index.search(SearchQuery.of(text)))
        .isInstanceOf(VigilException.class)
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.INVALID_INPUT);
  }

  @Test
  void overlongQueryIsInvalidInput() {
    assertThatThrownBy(() -> index.search(SearchQuery.of("police ".repeat(300))))
        .isInstanceOf(VigilException.class)
        .extracting(e -> ((VigilException) e).fieldProblems())
        .isEqualTo(Map.of("query", "must not be longer than 1000 characters"));
  }

  @Test
  void turkishDefaultLocaleChangesNothing() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      index.upsert(
          source("a", "INVESTIGATION", "POLICE INVESTIGATION IN ISTANBUL", "EN", "İHA", null));
      index.commit();

      assertThat(ids("investigation istanbul")).containsExactly("a");
      assertThat(ids(filtered("INVESTIGATION", "en", null, null, null))).containsExactly("a");
      assertThat(ids("INVESTIG*")).containsExactly("a");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void searchesRunConcurrentlyWithUpserts() throws Exception {
    for (int i = 0; i < 50; i++) {
      index.upsert(en("d" + i, "t", "police station " + i));
    }
    index.commit();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 50; i < 300; i++) {
                index.upsert(en("d" + i, "t", "police station " + i));
                if (i % 50 == 0) {
                  index.commit();
                }
              }
            });
    writer.start();
    for (int i = 0; i < 100; i++) {
      assertThat(index.search(SearchQuery.of("police")).total()).isGreaterThanOrEqualTo(50);
    }
    writer.join();
    index.commit();
    assertThat(index.count()).isEqualTo(300);
  }

  @Test
  void pagesFollowOneAnotherAndDateOrderPutsUndatedSourcesLast() {
    index.upsert(
        source("old", "Old", "The ferry timetable changed.", "en", "P", LocalDate.of(2001, 1, 1)));
    index.upsert(
        source(
            "new",
            "New",
            "The ferry timetable changed again.",
            "en",
            "P",
            LocalDate.of(2020, 1, 1)));
    index.upsert(source("none", "Undated", "A ferry timetable without a date.", "en", "P", null));
    index.commit();
    SearchQuery one = new SearchQuery("ferry", null, null, null, null, 1);

    List<String> newest = new java.util.ArrayList<>();
    List<String> oldest = new java.util.ArrayList<>();
    for (int offset = 0; offset < 3; offset++) {
      SearchResult n = index.search(one, offset, SearchOrder.NEWEST);
      assertThat(n.total()).isEqualTo(3);
      newest.add(n.hits().get(0).id());
      oldest.add(index.search(one, offset, SearchOrder.OLDEST).hits().get(0).id());
    }
    assertThat(newest).containsExactly("new", "old", "none");
    assertThat(oldest).containsExactly("old", "new", "none");
    assertThat(index.search(one, 3, SearchOrder.RELEVANCE).hits()).isEmpty();
    assertThatThrownBy(() -> index.search(one, -1, SearchOrder.RELEVANCE))
        .isInstanceOf(VigilException.class);
    assertThatThrownBy(() -> index.search(one, SourceIndex.MAX_LIMIT, SearchOrder.RELEVANCE))
        .isInstanceOf(VigilException.class);
  }
}
