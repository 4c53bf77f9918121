package org.vigil.core;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Descriptive metadata found in a document; every field is absent when the document lacks it. */
public record DocumentMetadata(
    @Nullable String title,
    @Nullable String author,
    @Nullable String publisher,
    @Nullable LocalDate published,
    @Nullable String canonicalUrl) {

  public static DocumentMetadata empty() {
    return new DocumentMetadata(null, null, null, null, null);
  }
}
