package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.vigil.schema.Proposal;

/**
 * Property tests for the number, date and quantity parsers: on random and adversarial text they
 * never throw, and what they find lies inside the text and quotes it exactly. The inner entry
 * points are used where the public ones swallow failures, so a hidden exception fails the test.
 */
class ParserPropertiesTest {
  static final int EXAMPLES = 300;

  /** Pieces that the parsers care about, mixed with arbitrary code points. */
  static final List<String> PIECES =
      List.of(
          "0",
          "7",
          "12",
          "230,000",
          "1.5",
          "3.",
          ".5",
          "1,2,3",
          "-",
          "+",
          "%",
          "万",
          "亿",
          "千",
          "百",
          "十",
          "零",
          "两",
          "二十三",
          "一百",
          "〇",
          "万万",
          "亿亿",
          "十十",
          "about ",
          "at least ",
          "more than ",
          "nearly ",
          "two",
          "dozen",
          "dozens",
          "hundred",
          "thousand",
          "million",
          "and",
          "a ",
          "stations",
          "people",
          "个",
          "人",
          "多",
          "余",
          "近",
          "约",
          "超过",
          "至少",
          "年",
          "月",
          "日",
          "号",
          "2022",
          "1999",
          "0000",
          "9999",
          "13",
          "31",
          "32",
          "February ",
          "Feb",
          "29",
          "April",
          "between ",
          " and ",
          "from ",
          " to ",
          "last ",
          "next ",
          "October",
          "Monday",
          "去年",
          "今年",
          "上月",
          "2022年9月12日",
          "2023年2月30日",
          "9月",
          "年代",
          "1990年代",
          "-",
          "–",
          "/",
          " ",
          "\n",
          "\u3000",
          "\uD800",
          "\uDC00",
          "\uD83D\uDE00",
          "\u0000",
          "１２",
          "٣",
          "①",
          "Ⅻ",
          "e10",
          "E-5",
          "0x1F",
          "1e999999");

  static Gen<String> texts() {
    Gen<String> piece = Generate.pick(PIECES);
    Gen<String> noise = strings().allPossible().ofLengthBetween(0, 3);
    return lists()
        .of(piece.mix(noise, 30))
        .ofSizeBetween(0, 40)
        .map(parts -> String.join("", parts))
        .describedAs(s -> "\"" + s.replace("\n", "\\n") + "\"");
  }

  static Gen<LocalDate> references() {
    return integers()
        .between(-1, 20_000)
        .map(d -> d < 0 ? null : LocalDate.of(1990, 1, 1).plusDays(d));
  }

  /** Number-like strings: digits, separators, Chinese numerals and number words. */
  static Gen<String> numberish() {
    Gen<String> piece =
        Generate.pick(
            List.of(
                "0",
                "1",
                "2",
                "5",
                "9",
                "12",
                "230",
                "000",
                ",",
                ".",
                " ",
                "万",
                "亿",
                "千",
                "百",
                "十",
                "零",
                "两",
                "二",
                "三",
                "九",
                "〇",
                "two",
                "twenty",
                "-",
                "hundred",
                "thousand",
                "million",
                "dozen",
                "a",
                "and",
                "１",
                "٣",
                "\uD800"));
    return lists().of(piece).ofSizeBetween(1, 8).map(parts -> String.join("", parts));
  }

  @Test
  void numbersNeverThrowAndAreNonNegative() {
    java.util.concurrent.atomic.AtomicInteger parsed =
        new java.util.concurrent.atomic.AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(numberish().mix(texts(), 30))
        .checkAssert(
            s -> {
              BigDecimal v = NumberParser.parseOrNull(s); // no catch-all: a failure shows
              if (v != null) {
                parsed.incrementAndGet();
                assertThat(v.signum()).as("value of %s", s).isGreaterThanOrEqualTo(0);
              }
              assertThat(NumberParser.parse(s)).isEqualTo(java.util.Optional.ofNullable(v));
            });
    assertThat(parsed.get()).as("the generator yields numbers, not only noise").isPositive();
  }

  @Test
  void datesNeverThrowAndLieInsideTheText() {
    qt().withExamples(EXAMPLES)
        .forAll(texts(), references())
        .checkAssert(
            (s, ref) -> {
              String t = TextNorm.of(s);
              assertThat(t).hasSameSizeAs(s);
              List<TemporalParser.Found> found = TemporalParser.findNormalized(t, ref, true);
              for (TemporalParser.Found f : found) {
                assertThat(f.start()).isBetween(0, s.length());
                assertThat(f.end()).isBetween(f.start() + 1, s.length());
                assertThat(f.date()).isNotNull();
              }
              assertThat(TemporalParser.find(s, ref)).isNotNull();
              assertThat(TemporalParser.parse(s, ref)).isNotNull();
              assertThat(Dates.first(s)).isNotNull();
            });
  }

  @Test
  void quantitiesNeverThrowQuoteTheirTextAndAreNonNegative() {
    QuantityProposer proposer = new QuantityProposer();
    qt().withExamples(EXAMPLES)
        .forAll(texts(), references())
        .checkAssert(
            (s, ref) -> {
              ProposalInput input = new ProposalInput("src", s, "und", ref);
              for (Proposal p : proposer.run(input)) {
                int start = p.span().start();
                int end = p.span().end();
                assertThat(start).isBetween(0, s.length());
                assertThat(end).isBetween(start, s.length());
                assertThat(p.span().quote()).isEqualTo(s.substring(start, end));
                String value = p.first("value");
                assertThat(new BigDecimal(value).signum())
                    .as("value in %s", s)
                    .isGreaterThanOrEqualTo(0);
              }
            });
  }
}
