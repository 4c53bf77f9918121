package org.vigil.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detects the language of a text, short texts and mixed Chinese/English pages included.
 *
 * <p>Script decides first: Han-dominant text is Chinese (simplified or traditional by which
 * characters change under conversion), kana means Japanese, Hangul Korean, Cyrillic Russian.
 * Latin-script text is scored among English, Spanish, German, French, Dutch, Italian and Indonesian
 * by the OpenNLP model combined with function words, which carry short headlines where the
 * character model is weak. Mixed pages go to the script with the most content, one Han character
 * counting as much as one Latin word.
 */
public final class LanguageDetector {
  /** Enough text to decide; the rest of a long document only costs time. */
  private static final int SAMPLE_CHARS = 20_000;

  private LanguageDetector() {}

  /**
   * @return a BCP 47 tag such as {@code en}, {@code zh-Hans}, {@code zh-Hant}, or {@code und} for
   *     blank text, text without letters, or a language outside the supported set
   */
  public static String detect(String text) {
    if (text == null || text.isBlank()) {
      return "und";
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    ScriptCounts counts = ScriptCounts.of(sample);
    Map<String, Integer> weight = new LinkedHashMap<>();
    weight.put("cjk", counts.han() + counts.kana());
    weight.put("ko", counts.hangul());
    weight.put("ru", counts.cyrillicWords());
    weight.put("latin", counts.latinWords());
    String dominant = null;
    int best = 0;
    for (Map.Entry<String, Integer> e : weight.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        dominant = e.getKey();
      }
    }
    if (dominant == null) {
      return "und";
    }
    switch (dominant) {
      case "cjk":
        // Chinese text does not use kana; a Japanese headline may have a single の among kanji.
        if (counts.kana() > 0 && counts.kana() * 50 >= counts.han() + counts.kana()) {
          return "ja";
        }
        return ChineseVariant.of(sample);
      case "latin":
        return LatinLanguages.detect(sample);
      default:
        return dominant;
    }
  }

  /** Letters by script; Latin and Cyrillic counted in words, CJK in characters. */
  record ScriptCounts(int han, int kana, int hangul, int cyrillicWords, int latinWords) {
    static ScriptCounts of(String s) {
      int han = 0;
      int kana = 0;
      int hangul = 0;
      int cyrillic = 0;
      int latin = 0;
      Character.UnicodeScript previous = null;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        Character.UnicodeScript script =
            Character.isLetter(cp) ? Character.UnicodeScript.of(cp) : null;
        if (script == Character.UnicodeScript.HAN) {
          han++;
        } else if (script == Character.UnicodeScript.HIRAGANA
            || script == Character.UnicodeScript.KATAKANA) {
          kana++;
        } else if (script == Character.UnicodeScript.HANGUL) {
          hangul++;
        } else if (script == Character.UnicodeScript.CYRILLIC && previous != script) {
          cyrillic++;
        } else if (script == Character.UnicodeScript.LATIN && previous != script) {
          latin++;
        }
        previous = script;
      }
      return new ScriptCounts(han, kana, hangul, cyrillic, latin);
    }
  }
}
