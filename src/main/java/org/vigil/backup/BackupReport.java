package org.vigil.backup;

import java.nio.file.Path;
import org.vigil.core.Checks;

/** What {@link BackupWriter#write} wrote: the file, its size in bytes and its manifest. */
public record BackupReport(Path file, long bytes, BackupManifest manifest) {
  public BackupReport {
    Checks.notNull(file, "file");
    Checks.notNull(manifest, "manifest");
  }
}
