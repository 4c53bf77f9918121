package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.backup.BackupManifest;
import org.vigil.backup.BackupReport;
import org.vigil.backup.BackupWriter;
import org.vigil.crypto.BackupCipher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    description = {
      "Write an encrypted backup of the data folder: store and audit log, originals, search index.",
      "The passphrase comes from --passphrase-file, else $VIGIL_BACKUP_PASSPHRASE, else the"
          + " terminal or the first line of standard input."
    })
final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Backup file.")
  Path out;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase file.")
  @Nullable Path passphraseFile;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Option(
      names = "--progress",
      hidden = true,
      description = "Print each stage as it starts (for crash tests).")
  boolean progress;

  record BackupView(
      String file,
      long bytes,
      String createdAt,
      long sources,
      long auditEvents,
      String auditHead,
      long archiveFiles,
      long indexFiles,
      long indexDocuments) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    char[] passphrase = BackupPassphrases.read(passphraseFile, System.getenv(), true);
    try (Vigil vigil = common.open()) {
      BackupReport r =
          new BackupWriter(vigil, Clock.systemUTC())
              .write(
                  out(),
                  passphrase,
                  BackupCipher.KdfParams.DEFAULT,
                  force,
                  stage -> {
                    if (progress) {
                      err.println("stage " + stage);
                      err.flush();
                    }
                  });
      BackupManifest.Counts c = r.manifest().counts();
      if (common.json) {
        Json.line(
            out,
            new BackupView(
                r.file().toString(),
                r.bytes(),
                r.manifest().createdAt(),
                c.sources(),
                c.auditEvents(),
                r.manifest().auditHead(),
                c.archiveFiles(),
                c.indexFiles(),
                c.indexDocuments()));
      } else {
        out.printf(
            "wrote %s (%d bytes): %d sources, %d audit events (head %s), %d originals,"
                + " %d index files%n",
            r.file(),
            r.bytes(),
            c.sources(),
            c.auditEvents(),
            r.manifest().auditHead(),
            c.archiveFiles(),
            c.indexFiles());
        out.flush();
      }
      return 0;
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }

  private Path out() {
    return out;
  }
}
