package org.vigil.records;

import java.time.Instant;
import org.vigil.core.Checks;
import org.vigil.core.DocumentMetadata;

/**
 * A captured source as stored.
 *
 * @param clusterId the story cluster: the id of one member, equal to {@link #id()} while the source
 *     has no duplicate
 */
public record SourceRecord(
    OriginalRef original,
    DocumentMetadata metadata,
    SourceContent content,
    String clusterId,
    Instant capturedAt) {

  public SourceRecord {
    Checks.notNull(original, "original");
    Checks.notNull(metadata, "metadata");
    Checks.notNull(content, "content");
    Checks.notBlank(clusterId, "clusterId");
    Checks.notNull(capturedAt, "capturedAt");
  }

  public String id() {
    return original.sourceId();
  }

  public SourceRecord withCluster(String cluster) {
    return new SourceRecord(original, metadata, content, cluster, capturedAt);
  }
}
