package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Property test for the search query parser on random query syntax mixed with English and Chinese
 * words: it returns a query, or refuses with {@code invalid_input} as its Javadoc documents; it
 * never throws anything else and never returns a query that matches every source.
 */
class QueryParserPropertiesTest {
  static final List<String> PIECES =
      List.of(
          "AND",
          "OR",
          "NOT",
          "and",
          "(",
          ")",
          "\"",
          "*",
          "?",
          "~",
          "~2",
          "^",
          "^3",
          ":",
          "[",
          "]",
          "{",
          "}",
          "\\",
          "/",
          "+",
          "-",
          "|",
          "&&",
          "||",
          "!",
          " ",
          " ",
          " ",
          "\t",
          "\u3000",
          "station",
          "stations",
          "police",
          "Rotterdam",
          "Fuzhou",
          "PSB",
          "110",
          "2022",
          "警务",
          "海外警务服务站",
          "服務站",
          "福州市公安局",
          "保护卫士",
          "荷兰",
          "站",
          "的",
          "title:",
          "en:",
          "ZH:",
          "a*",
          "*b",
          "\"海外 警务\"",
          "-海外",
          "\uD800",
          "\uDC00",
          "😀",
          "\u0000",
          "Ω",
          "ﬁ",
          "１２３",
          "ＡＢＣ");

  static Gen<String> queries() {
    Gen<String> piece = Generate.pick(PIECES);
    Gen<String> noise = strings().allPossible().ofLengthBetween(0, 3);
    return lists()
        .of(piece.mix(noise, 20))
        .ofSizeBetween(0, 30)
        .map(parts -> String.join("", parts))
        .describedAs(s -> "\"" + s + "\"");
  }

  @Test
  void parsesOrRefusesWithInvalidInput() {
    Analyzer analyzer = Analyzers.query(Analyzers.index());
    SourceQueryParser parser = new SourceQueryParser(analyzer);
    AtomicInteger parsed = new AtomicInteger();
    qt().withExamples(400)
        .forAll(queries())
        .checkAssert(
            q -> {
              try {
                Query query = parser.parse(q);
                parsed.incrementAndGet();
                assertThat(query).isNotNull();
                assertThat(SourceQueryParser.matchesAll(query)).as("matches everything").isFalse();
              } catch (VigilException e) {
                assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_INPUT);
              }
            });
    assertThat(parsed.get()).as("some random queries parse").isPositive();
  }

  @Test
  void longQueriesAreRefusedNotParsed() {
    SourceQueryParser parser = new SourceQueryParser(Analyzers.query(Analyzers.index()));
    qt().withExamples(50)
        .forAll(queries().map(q -> "海外 " + q + " x".repeat(SourceQueryParser.MAX_LENGTH)))
        .checkAssert(
            q -> {
              try {
                parser.parse(q);
                throw new AssertionError("parsed a query of " + q.length() + " characters");
              } catch (VigilException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              }
            });
  }
}
