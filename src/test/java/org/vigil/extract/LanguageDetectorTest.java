package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Short texts in every supported language, from extract/language/headlines.tsv. */
class LanguageDetectorTest {
  static Stream<Arguments> headlines() {
    String tsv =
        new String(
            Fixtures.bytes(Fixtures.folder("language").resolve("headlines.tsv")),
            StandardCharsets.UTF_8);
    return tsv.lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split("\t", 2))
        .map(cols -> Arguments.of(cols[0], cols.length > 1 ? cols[1] : ""));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("headlines")
  void detectsTheLanguageOfAHeadline(String expected, String text) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("headlines")
  void detectsTheSameUnderATurkishLocale(String expected, String text) {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(LanguageDetector.detect(text.toUpperCase(Locale.ROOT)))
          .isEqualTo(LanguageDetector.detect(text.toUpperCase(Locale.ROOT)));
      assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void aChineseArticleQuotingEnglishNamesIsChinese() {
    String text =
        "据人权组织“保护卫士”（Safeguard Defenders）和美国智库 Jamestown Foundation 的报告，"
            + "荷兰、爱尔兰和加拿大等国政府已对当地的海外警务服务站展开调查，部分办公室已经关闭。";
    assertThat(LanguageDetector.detect(text)).isEqualTo("zh-Hans");
  }

  @Test
  void isCheapPerCallOnceLoaded() {
    LanguageDetector.detect("warm up the model once");
    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      LanguageDetector.detect("Police investigate the office in Rotterdam, number " + i);
    }
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}
