package org.vigil.records;

import org.vigil.core.Checks;
import org.vigil.core.ContentHash;

/** Which archived original a source was extracted from. */
public record OriginalRef(ContentHash hash, String mediaType, long size) {
  public OriginalRef {
    Checks.notNull(hash, "hash");
    Checks.notBlank(mediaType, "mediaType");
    Checks.notNegative(size, "size");
  }

  public String sourceId() {
    return hash.sourceId();
  }
}
