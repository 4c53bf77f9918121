package org.vigil.records;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ContentHash;

/** A source without its text, for listings. */
public record SourceSummary(
    String id,
    ContentHash hash,
    @Nullable String title,
    String language,
    @Nullable String publisher,
    @Nullable LocalDate published,
    String clusterId) {}
