package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.Checks;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * The result of extracting one original.
 *
 * @param mediaType the detected media type, e.g. {@code text/html}, {@code application/pdf}
 * @param metadata title, byline, publisher, date, canonical URL
 * @param language a BCP 47 tag: {@code en}, {@code zh-Hans}, {@code zh-Hant}, {@code es} …, or
 *     {@code und} when undetermined
 * @param text the clean main text in its original script, paragraphs separated by blank lines
 * @param normalizedText the form used for matching and search: for Chinese, traditional characters
 *     converted to simplified; otherwise equal to {@code text}
 * @param warnings what was recovered from (e.g. "invalid bytes replaced"), never empty strings
 */
public record Extraction(
    String mediaType,
    DocumentMetadata metadata,
    String language,
    String text,
    String normalizedText,
    List<String> warnings) {

  public Extraction {
    Checks.notBlank(mediaType, "mediaType");
    Checks.notNull(metadata, "metadata");
    Checks.notBlank(language, "language");
    Checks.notNull(text, "text");
    Checks.notNull(normalizedText, "normalizedText");
    warnings = List.copyOf(warnings);
  }

  /**
   * The text with every unpaired surrogate and NUL replaced by U+FFFD, as HTML parsing prescribes
   * for character references such as {@code &#xD800;} and {@code &#0;}: a parser may hand them on
   * raw, and they would break UTF-8 storage and every consumer of the text.
   */
  static String wellFormed(String text) {
    char[] c = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(ch)) {
        bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        if (!bad) {
          i++;
          continue;
        }
      } else {
        bad = Character.isLowSurrogate(ch) || ch == '\u0000';
      }
      if (bad) {
        if (c == null) {
          c = text.toCharArray();
        }
        c[i] = '\uFFFD';
      }
    }
    return c == null ? text : new String(c);
  }

  /**
   * Completes an extractor's result: refuses a blank text, cuts text beyond the limit with a
   * warning, detects the language and derives the normalized form.
   */
  static Extraction assemble(
      String mediaType,
      DocumentMetadata metadata,
      String text,
      List<String> warnings,
      ExtractionLimits limits) {
    if (text.isBlank()) {
      throw VigilException.item(
          ErrorCode.NO_TEXT, "no extractable text in this " + mediaType + " document");
    }
    List<String> w = new ArrayList<>(warnings);
    String t = wellFormed(text);
    if (t.length() > limits.maxTextChars()) {
      int cut = limits.maxTextChars();
      if (cut > 0 && Character.isHighSurrogate(t.charAt(cut - 1))) {
        cut--; // never split a surrogate pair
      }
      t = t.substring(0, cut);
      w.add("text cut at " + limits.maxTextChars() + " characters");
    }
    String language = LanguageDetector.detect(t);
    String normalized = language.startsWith("zh") ? ChineseScript.toSimplified(t) : t;
    return new Extraction(mediaType, metadata, language, t, normalized, w);
  }
}
