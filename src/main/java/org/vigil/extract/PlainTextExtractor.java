package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.Text;

/** Plain text in any common encoding; the first short line is taken as the title. */
final class PlainTextExtractor implements Extractor {
  private static final int MAX_TITLE_CHARS = 150;

  @Override
  public boolean accepts(String mediaType) {
    return mediaType.equals("text/plain");
  }

  @Override
  public Extraction extract(
      byte[] bytes, String mediaType, DocumentHints hints, ExtractionLimits limits) {
    List<String> declared = new ArrayList<>();
    if (hints.declaredCharset() != null) {
      declared.add(hints.declaredCharset());
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes, declared);
    String text = tidy(decoded.text());
    String title = null;
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        String t = Text.collapseSpaces(line);
        title = t.length() <= MAX_TITLE_CHARS ? t : null;
        break;
      }
    }
    String head = text.length() > 2_000 ? text.substring(0, 2_000) : text;
    DocumentMetadata metadata =
        new DocumentMetadata(
            title, HtmlMetadata.bylineInText(head), null, Dates.first(head).orElse(null), null);
    return Extraction.assemble(
        "text/plain; charset=" + decoded.charset(), metadata, text, decoded.warnings(), limits);
  }

  /** Unix line ends, no trailing spaces, at most one blank line between paragraphs. */
  static String tidy(String s) {
    return s.replace("\uFEFF", "")
        .replace("\r\n", "\n")
        .replace('\r', '\n')
        .replaceAll("[ \\t\\u00A0\\u3000]+\n", "\n")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }
}
