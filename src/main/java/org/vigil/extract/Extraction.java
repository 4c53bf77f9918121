package org.vigil.extract;

import java.util.List;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.Checks;

/**
 * The result of extracting one original.
 *
 * @param mediaType the detected media type, e.g. {@code text/html}, {@code application/pdf}
 * @param metadata title, byline, publisher, date, canonical URL
 * @param language a BCP 47 tag: {@code en}, {@code zh-Hans}, {@code zh-Hant}, {@code es} …, or
 *     {@code und} when undetermined
 * @param text the clean main text in its original script, paragraphs separated by blank lines
 * @param normalizedText the form used for matching and search: for Chinese, traditional
 *     characters converted to simplified; otherwise equal to {@code text}
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
}
