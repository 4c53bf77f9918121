package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          230,000 | 230000
          230 000 | 230000
          1.5 million | 1500000
          2.5 billion | 2500000000
          12 thousand | 12000
          two dozen | 24
          a dozen | 12
          fifty-four | 54
          Fifty four | 54
          one hundred and two | 102
          two thousand three hundred | 2300
          seventeen | 17
          54 | 54
          102 | 102
          0.5 | 0.5
          二十三万 | 230000
          五十四 | 54
          一百零二 | 102
          两千 | 2000
          23万 | 230000
          2.3万 | 23000
          1亿 | 100000000
          十余 | 10
          十 | 10
          十五万 | 150000
          三千五百万 | 35000000
          一亿两千万 | 120000000
          二〇二二 | 2022
          ２３０ | 230
          ２３万 | 230000
          兩千 | 2000
          二十三萬 | 230000
          5千 | 5000
          """)
  void reads(String text, String expected) {
    assertThat(Parsing.number(text)).contains(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "dozens",
        "hundreds",
        "thousands",
        "several",
        "many",
        "two three",
        "fifty sixty",
        "百",
        "万",
        "五十五十",
        "十百",
        "",
        "   ",
        "abc",
        "1,2,3",
        "1.2.3",
        "12-34",
        "first",
        "2nd",
        "百姓",
        "千万"
      })
  void hasNoValueFor(String text) {
    assertThat(Parsing.number(text)).isEmpty();
  }

  @Test
  void nullAndHugeInputHaveNoValue() {
    assertThat(Parsing.number(null)).isEmpty();
    assertThat(Parsing.number("9".repeat(1_000_000))).isEmpty();
  }

  @Test
  void neverThrowsOnRandomInput() {
    Random r = new Random(11);
    String alphabet = "0123456789,. 十百千万亿零两一二余多-aonedthu万亿\uD800\uFF11";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(12);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertThat(Parsing.number(b.toString())).isNotNull();
    }
  }

  @Test
  void turkishDefaultLocaleDoesNotChangeWords() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(Parsing.number("FIFTY-FIVE")).contains(new BigDecimal("55"));
      assertThat(Parsing.number("THIRTY MILLION")).contains(new BigDecimal("30000000"));
      assertThat(Parsing.number("1.5 MILLION")).contains(new BigDecimal("1500000"));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
