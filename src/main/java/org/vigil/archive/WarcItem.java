package org.vigil.archive;

import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;

/** A WARC record delivered to the caller: an entry, or the reason it could not be read. */
public record WarcItem(String label, @Nullable WarcEntry entry, @Nullable VigilException failure) {
  public static WarcItem of(WarcEntry entry) {
    return new WarcItem(entry.targetUri(), entry, null);
  }

  public static WarcItem failed(String label, VigilException failure) {
    return new WarcItem(label, null, failure);
  }
}
