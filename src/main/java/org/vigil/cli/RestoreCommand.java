package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.backup.BackupManifest;
import org.vigil.backup.BackupRestorer;
import org.vigil.backup.RestoreReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    description = {
      "Restore a backup into the data folder (which must be empty or absent unless --force).",
      "Everything is decrypted, checked and verified beside the folder before it is moved in.",
      "Exit status: 0 restored and verified, 1 restored but archive or audit verification failed."
    })
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "Backup file written by 'vigil backup'.")
  Path file;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase file.")
  @Nullable Path passphraseFile;

  @Option(names = "--force", description = "Replace a data folder that is not empty.")
  boolean force;

  record RestoreView(
      String data,
      String createdAt,
      long sources,
      String auditHead,
      long archiveFiles,
      long indexFiles,
      long reindexed,
      boolean archiveVerified,
      boolean auditVerified) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    char[] passphrase = BackupPassphrases.read(passphraseFile, System.getenv(), false);
    try {
      RestoreReport r =
          BackupRestorer.restore(file, common.config().dataDir(), passphrase, force, stage -> {});
      BackupManifest.Counts c = r.manifest().counts();
      if (common.json) {
        Json.line(
            out,
            new RestoreView(
                r.data().toString(),
                r.manifest().createdAt(),
                r.sources(),
                r.auditHead(),
                c.archiveFiles(),
                c.indexFiles(),
                r.reindexed(),
                r.archiveVerified(),
                r.auditVerified()));
      } else {
        out.printf(
            "restored %s (backup of %s): %d sources, audit head %s, %d originals;"
                + " archive %s, audit chain %s%n",
            r.data(),
            r.manifest().createdAt(),
            r.sources(),
            r.auditHead(),
            c.archiveFiles(),
            r.archiveVerified() ? "verified" : "FAILED verification",
            r.auditVerified() ? "verified" : "FAILED verification");
        out.flush();
      }
      return r.archiveVerified() && r.auditVerified() ? 0 : 1;
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }
}
