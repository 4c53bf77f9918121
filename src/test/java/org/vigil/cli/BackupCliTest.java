package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCliTest {
  @TempDir Path tmp;

  @Test
  void backupThenRestoreOnAnotherFolderVerifiesAndWrongInputGetsClearErrors() throws Exception {
    Path data = tmp.resolve("data");
    Path restored = tmp.resolve("restored");
    Path file = tmp.resolve("case.vigil-backup");
    Path pass = tmp.resolve("pass.txt");
    Files.writeString(pass, "a passphrase kept elsewhere\n");
    Path wrong = tmp.resolve("wrong.txt");
    Files.writeString(wrong, "not the passphrase\n");
    Path shortPass = tmp.resolve("short.txt");
    Files.writeString(shortPass, "short");

    CliRun.of("ingest", "--data", data.toString(), "samples"); // the samples include bad files
    long sources = CliRun.of("sources", "--data", data.toString(), "--json").lines().size();
    assertThat(sources).isPositive();
    CliRun backup =
        CliRun.of(
            "backup",
            "--data",
            data.toString(),
            "--out",
            file.toString(),
            "--passphrase-file",
            pass.toString(),
            "--json");
    assertThat(backup.exit()).as(backup.err()).isZero();
    JsonNode b = backup.lines().get(0);
    assertThat(b.get("sources").asLong()).isEqualTo(sources);
    assertThat(b.get("archiveFiles").asLong()).isEqualTo(sources);
    assertThat(b.get("bytes").asLong()).isEqualTo(Files.size(file));

    CliRun again =
        CliRun.of(
            "backup",
            "--data",
            data.toString(),
            "--out",
            file.toString(),
            "--passphrase-file",
            pass.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("--force").contains("[invalid_input]");

    CliRun tooShort =
        CliRun.of(
            "backup",
            "--data",
            data.toString(),
            "--out",
            tmp.resolve("x").toString(),
            "--passphrase-file",
            shortPass.toString());
    assertThat(tooShort.exit()).isEqualTo(2);
    assertThat(tooShort.err()).contains("at least 8 characters");

    CliRun wrongPass =
        CliRun.of(
            "restore",
            file.toString(),
            "--data",
            restored.toString(),
            "--passphrase-file",
            wrong.toString());
    assertThat(wrongPass.exit()).isEqualTo(6);
    assertThat(wrongPass.err()).contains("[wrong_passphrase]");
    assertThat(restored).doesNotExist();

    CliRun notABackup =
        CliRun.of(
            "restore",
            pass.toString(),
            "--data",
            restored.toString(),
            "--passphrase-file",
            pass.toString());
    assertThat(notABackup.err()).contains("not a Vigil backup").contains("[unsupported_format]");

    CliRun restore =
        CliRun.of(
            "restore",
            file.toString(),
            "--data",
            restored.toString(),
            "--passphrase-file",
            pass.toString(),
            "--json");
    assertThat(restore.exit()).as(restore.err()).isZero();
    JsonNode r = restore.lines().get(0);
    assertThat(r.get("sources").asLong()).isEqualTo(sources);
    assertThat(r.get("archiveVerified").asBoolean()).isTrue();
    assertThat(r.get("auditVerified").asBoolean()).isTrue();

    CliRun onto =
        CliRun.of(
            "restore",
            file.toString(),
            "--data",
            restored.toString(),
            "--passphrase-file",
            pass.toString());
    assertThat(onto.exit()).isEqualTo(2);
    assertThat(onto.err()).contains("not empty");

    assertThat(CliRun.of("archive", "verify", "--data", restored.toString()).exit()).isZero();
    assertThat(CliRun.of("audit", "verify", "--data", restored.toString()).exit()).isZero();
    assertThat(
            CliRun.of("search", "--data", restored.toString(), "--json", "police")
                .lines()
                .get(0)
                .get("total")
                .asLong())
        .isEqualTo(
            CliRun.of("search", "--data", data.toString(), "--json", "police")
                .lines()
                .get(0)
                .get("total")
                .asLong())
        .isPositive();
  }
}
