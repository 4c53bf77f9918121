package org.vigil.records;

import java.util.List;
import org.vigil.core.Checks;

/** The text extracted from a source, and its normalised form for matching (see extract). */
public record SourceContent(
    String language, String text, String normalizedText, List<String> warnings) {
  public SourceContent {
    Checks.notBlank(language, "language");
    Checks.notNull(text, "text");
    Checks.notNull(normalizedText, "normalizedText");
    warnings = List.copyOf(warnings);
  }
}
