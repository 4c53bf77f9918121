package org.vigil.archive;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads WARC files (plain or gzip), one record at a time so memory stays bounded. */
public final class WarcReader {
  private WarcReader() {}

  /**
   * Calls {@code sink} with each response and resource record; other record types are skipped.
   *
   * @param maxPayloadBytes records with a larger payload are reported to {@code sink} as failures
   *     rather than read
   * @throws org.vigil.core.VigilException {@code corrupt_document} when the file is not a WARC
   *     or is truncated; records read before the damage have already been delivered
   */
  public static void read(Path warc, long maxPayloadBytes, Consumer<WarcItem> sink) {
    throw new UnsupportedOperationException();
  }
}
