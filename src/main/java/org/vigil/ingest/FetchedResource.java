package org.vigil.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fetched URL: the body exactly as served (content encoding removed) and how it was served.
 *
 * @param headers response headers of the final response, names lower-case
 * @param redirects every address visited before {@code finalUri}, in order
 */
public record FetchedResource(
    URI requested,
    URI finalUri,
    int status,
    Map<String, List<String>> headers,
    @Nullable String contentType,
    byte[] body,
    Instant retrievedAt,
    List<URI> redirects) {}
