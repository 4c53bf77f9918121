package org.vigil.extract;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * What proposal extraction reads: a stored source's clean text (offsets in proposals point into
 * it), its language, and its publication date (to resolve "last October").
 */
public record ProposalInput(
    String sourceId, String text, String language, @Nullable LocalDate published) {
  public ProposalInput {
    Checks.notBlank(sourceId, "sourceId");
    Checks.notNull(text, "text");
    Checks.notBlank(language, "language");
  }
}
