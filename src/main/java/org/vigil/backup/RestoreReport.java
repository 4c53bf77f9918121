package org.vigil.backup;

import java.nio.file.Path;
import org.vigil.core.Checks;

/**
 * What {@link BackupRestorer#restore} put in place, and the checks it ran on the restored folder
 * before moving it there.
 *
 * @param reindexed sources the restored index lacked and that were indexed again (0 when the
 *     backed-up index matched the store)
 */
public record RestoreReport(
    Path data,
    BackupManifest manifest,
    long sources,
    String auditHead,
    boolean archiveVerified,
    boolean auditVerified,
    long reindexed) {
  public RestoreReport {
    Checks.notNull(data, "data");
    Checks.notNull(manifest, "manifest");
    Checks.notNull(auditHead, "auditHead");
  }
}
