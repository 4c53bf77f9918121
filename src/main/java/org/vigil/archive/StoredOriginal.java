package org.vigil.archive;

import org.vigil.core.Checks;
import org.vigil.core.ContentHash;

/**
 * An original held in the archive.
 *
 * @param created false when identical bytes were already archived (nothing was written)
 */
public record StoredOriginal(ContentHash hash, long size, boolean created) {
  public StoredOriginal {
    Checks.notNull(hash, "hash");
    Checks.notNegative(size, "size");
  }
}
