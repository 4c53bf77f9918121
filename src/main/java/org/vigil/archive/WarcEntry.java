package org.vigil.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code response} or {@code resource} record of a WARC file.
 *
 * @param httpStatus the HTTP status of a response record; absent for resource records
 * @param httpHeaders the HTTP response headers (names lower-case); empty for resource records
 * @param payload the payload bytes, HTTP transfer and content encodings removed
 */
public record WarcEntry(
    String recordId,
    String targetUri,
    Instant date,
    @Nullable Integer httpStatus,
    Map<String, List<String>> httpHeaders,
    @Nullable String contentType,
    byte[] payload) {}
