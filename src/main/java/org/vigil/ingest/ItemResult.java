package org.vigil.ingest;

import org.jspecify.annotations.Nullable;
import org.vigil.core.ErrorCode;

/**
 * What happened to one input item: a file, a URL, or one record of a WARC file.
 *
 * @param input the path or URL as given (for WARC records, the WARC file's path)
 * @param url the record's target URL for WARC records, the final URL for fetched URLs
 * @param sourceId the source the item is (or already was) stored as; absent when it failed
 * @param clusterId the story cluster of that source
 * @param duplicate for a captured item, whether its source joined a cluster that already had other
 *     sources (so a story captured from three outlets counts two duplicates, whatever the order);
 *     for an unchanged item, whether its cluster has other sources
 * @param error the reason of a failure
 */
public record ItemResult(
    String input,
    @Nullable String url,
    Status status,
    @Nullable String sourceId,
    @Nullable String clusterId,
    boolean duplicate,
    @Nullable Failure error) {

  public enum Status {
    CAPTURED,
    UNCHANGED,
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Why an item failed: a stable code and a message naming the problem. */
  public record Failure(ErrorCode code, String message) {}

  static ItemResult failed(String input, @Nullable String url, ErrorCode code, String message) {
    return new ItemResult(input, url, Status.FAILED, null, null, false, new Failure(code, message));
  }
}
