package org.vigil.records;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * One sighting of an original.
 *
 * @param origin where it came from: an absolute path, a URL, or {@code file.warc#<record-id>}
 * @param http how the origin served it, for URLs and WARC responses
 */
public record CaptureRecord(
    String sourceId,
    Origin origin,
    Instant retrievedAt,
    String mediaType,
    long size,
    @Nullable HttpCapture http) {

  public CaptureRecord {
    Checks.notBlank(sourceId, "sourceId");
    Checks.notNull(origin, "origin");
    Checks.notNull(retrievedAt, "retrievedAt");
    Checks.notBlank(mediaType, "mediaType");
  }

  /** Where an original was found. */
  public record Origin(Kind kind, String value) {
    public enum Kind {
      FILE,
      URL,
      WARC
    }

    public Origin {
      Checks.notNull(kind, "kind");
      Checks.notBlank(value, "value");
    }
  }

  /**
   * The HTTP side of a capture.
   *
   * @param redirects the addresses visited before {@code finalUrl}
   */
  public record HttpCapture(
      int status, Map<String, List<String>> headers, String finalUrl, List<String> redirects) {
    public HttpCapture {
      headers = Map.copyOf(headers);
      Checks.notBlank(finalUrl, "finalUrl");
      redirects = List.copyOf(redirects);
    }
  }
}
