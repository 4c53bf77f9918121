package org.vigil.archive;

import java.io.InputStream;
import java.nio.file.Path;
import org.vigil.core.ContentHash;

/**
 * Content-addressed, write-once store of originals under one folder: {@code ab/cd/<sha256>}.
 * Writes go to a temporary file in the same folder, are flushed to disk, then renamed, so a
 * crash never leaves a partial original under its final name.
 */
public final class Archive {
  private final Path root;

  private Archive(Path root) {
    this.root = root;
  }

  /** Opens (creating if needed) the archive folder. */
  public static Archive open(Path root) {
    throw new UnsupportedOperationException("archive: being implemented");
  }

  public Path root() {
    return root;
  }

  /**
   * Streams an original into the archive while hashing it.
   *
   * @throws org.vigil.core.VigilException {@code too_large} past {@code maxBytes} (nothing is
   *     kept), {@code archive_failure} on I/O errors
   */
  public StoredOriginal store(InputStream in, long maxBytes) {
    throw new UnsupportedOperationException();
  }

  public StoredOriginal store(byte[] bytes) {
    throw new UnsupportedOperationException();
  }

  public boolean contains(ContentHash hash) {
    throw new UnsupportedOperationException();
  }

  /** @throws org.vigil.core.VigilException {@code not_found} when the original is absent */
  public byte[] read(ContentHash hash) {
    throw new UnsupportedOperationException();
  }

  public Path pathOf(ContentHash hash) {
    throw new UnsupportedOperationException();
  }

  /** Re-hashes the original stored under {@code hash}. */
  public ArchiveCheck check(ContentHash hash) {
    throw new UnsupportedOperationException();
  }
}
