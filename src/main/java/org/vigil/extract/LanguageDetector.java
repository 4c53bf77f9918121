package org.vigil.extract;

/** Detects the language of a text, short texts and mixed Chinese/English pages included. */
public final class LanguageDetector {
  /** @return a BCP 47 tag such as {@code en}, {@code zh-Hans}, {@code zh-Hant}, or {@code und} */
  public static String detect(String text) {
    throw new UnsupportedOperationException("language: being implemented");
  }
}
