package org.vigil.cli;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.records.EntityRecord;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.testimony.Attachment;
import org.vigil.testimony.Consent;
import org.vigil.testimony.MarkerScan;
import org.vigil.testimony.Testimony;
import org.vigil.testimony.TestimonyDraft;
import org.vigil.testimony.UnlockedCustodian;
import org.vigil.testing.Pages;

/**
 * Writes testimony full of marker strings next to ordinary sources, runs every command that reads
 * or writes the data folder, and then looks for the markers (as UTF-8, UTF-16, base64, hex and JSON
 * escapes) in every byte of the data folder (with SQLite's WAL and SHM files while open), every
 * export, all captured output and logs, and new temporary files. None may appear.
 */
class TestimonyLeakTest {
  static final String PSEUDONYM = "PSEUDOzq7Kx燕子飞过青瓦檐";
  static final String ACCOUNT_MARK = "ACCOUNTwv3Jm母亲收到陌生电话三次";
  static final String ATTACHMENT_NAME = "ATTNAMEr8Pq照片存档甲乙.jpg";
  static final String ATTACHMENT_BODY = "ATTBODYn4Ls秘密内容丙丁";
  static final String CHANNEL = "CHANNELh6Td微信联系戊己";
  static final String PARTNER = "PARTNERy2Bv合作伙伴庚辛";
  static final List<String> MARKERS =
      List.of(
          "PSEUDOzq7Kx",
          "燕子飞过青瓦檐",
          "ACCOUNTwv3Jm",
          "母亲收到陌生电话三次",
          "ATTNAMEr8Pq",
          "照片存档甲乙",
          "ATTBODYn4Ls",
          "秘密内容丙丁",
          "CHANNELh6Td",
          "微信联系戊己",
          "PARTNERy2Bv",
          "合作伙伴庚辛");

  static final MarkerScan SCAN = new MarkerScan(MARKERS);

  @TempDir Path data;
  @TempDir Path in;
  @TempDir Path mine;
  @TempDir Path exports;

  final StringBuilder output = new StringBuilder();

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    CliRun r = CliRun.of(all.toArray(String[]::new));
    output.append(r.out()).append(r.err());
    return r;
  }

  @Test
  void noMarkerReachesDiskIndexLogsExportsOrOutput() throws Exception {
    Instant start = Instant.now().minusSeconds(2);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    String id;
    String showOut;
    try {
      Pages.write(
          in,
          "a.html",
          Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
      Pages.write(in, "b.html", Pages.page("华文日报", "服务站调查", "2022-11-02", Pages.STORY_ZH));
      assertThat(run("ingest", in.toString()).exit()).isZero();

      Path pass = Files.writeString(mine.resolve("pass"), "a long enough passphrase\n");
      assertThat(
              run("keys", "init", "--custodian", "alice", "--passphrase-file", pass.toString())
                  .exit())
          .isZero();
      Path account =
          Files.writeString(
              mine.resolve("account.txt"),
              "On the third visit they named my village. " + ACCOUNT_MARK + " 他们说会再来。");
      Path attachment = Files.writeString(mine.resolve(ATTACHMENT_NAME), ATTACHMENT_BODY);
      CliRun add =
          run(
              "testimony",
              "add",
              "--pseudonym",
              PSEUDONYM,
              "--account-file",
              account.toString(),
              "--attach",
              attachment.toString(),
              "--quote-allowed",
              "--contact-allowed",
              "--channel",
              CHANNEL,
              "--share-with",
              PARTNER,
              "--as",
              "dana",
              "--json");
      assertThat(add.exit()).as(add.err()).isZero();
      id = add.lines().get(0).get("id").asText();

      // everything that reads or writes the data folder
      assertThat(run("reindex").exit()).isZero();
      assertThat(run("stats").exit()).isZero();
      assertThat(run("stats", "--json").exit()).isZero();
      for (String f : List.of("csv", "json", "geojson", "ftm")) {
        CliRun e = run("export", "--format", f, "--out", exports.resolve(f).toString());
        assertThat(e.exit()).as(e.err()).isZero();
      }
      CliRun release =
          run(
              "release",
              "--policy",
              Path.of("docs/release-policy.json").toAbsolutePath().toString(),
              "--out",
              exports.resolve("release").toString(),
              "--as",
              "dana");
      assertThat(release.exit()).as(release.err()).isZero();
      assertThat(run("audit", "history", id).exit()).isZero();
      assertThat(run("audit", "history", id, "--json").exit()).isZero();
      assertThat(run("audit", "verify").exit()).isZero();
      assertThat(run("testimony", "list", "--as", "dana").exit()).isZero();
      assertThat(run("testimony", "list", "--json", "--as", "dana").exit()).isZero();
      assertThat(run("keys", "list").exit()).isZero();
      assertThat(
              run("keys", "unlock", "--custodian", "alice", "--passphrase-file", pass.toString())
                  .exit())
          .isZero();
      assertThat(run("sources", "--json").exit()).isZero();
      // the index knows nothing of testimony (the query echoes in the output, so it is not scanned)
      for (String q : List.of("ACCOUNTwv3Jm", "母亲收到陌生电话三次", "PSEUDOzq7Kx")) {
        CliRun search =
            CliRun.of("search", q, "--json", "--limit", "50", "--data", data.toString());
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out()).doesNotContain("testimony:");
        assertThat(search.lines())
            .allSatisfy(n -> assertThat(n.path("id").asText()).doesNotStartWith("testimony"));
      }
      // the one place plaintext may go: standard output of show (kept out of the scanned output)
      CliRun show =
          CliRun.of(
              "testimony",
              "show",
              id,
              "--custodian",
              "alice",
              "--passphrase-file",
              pass.toString(),
              "--as",
              "erin",
              "--data",
              data.toString());
      assertThat(show.exit()).as(show.err()).isZero();
      showOut = show.out();
      output.append(show.err());
      assertThat(run("audit", "history", id, "--json").exit()).isZero();

      // the service API, with an incident link, scanned while the database is open (WAL, SHM)
      try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
        EntityRecord incident =
            vigil
                .records()
                .create(
                    "incident",
                    "Visit to a shop",
                    null,
                    ClaimStatus.ALLEGED,
                    new Stamp("carol", Instant.now()));
        String second =
            vigil
                .testimony()
                .intake(
                    new TestimonyDraft(
                        PSEUDONYM,
                        ACCOUNT_MARK,
                        List.of(new Attachment(ATTACHMENT_NAME, ATTACHMENT_BODY.getBytes(UTF_8))),
                        new Consent(true, true, CHANNEL, List.of(PARTNER)),
                        List.of(incident.id())),
                    "dana")
                .id();
        try (UnlockedCustodian a =
            vigil.keys().unlock("alice", "a long enough passphrase".toCharArray())) {
          Testimony t = vigil.testimony().read(second, a, "erin");
          assertThat(t.pseudonym()).isEqualTo(PSEUDONYM);
        }
        assertThat(vigil.records().require(incident.id()).version()).isEqualTo(1);
        assertThat(Files.exists(data.resolve("vigil.db-wal"))).isTrue();
        assertThat(scanTree(data)).as("data folder while open").isEmpty();
      }
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }

    // the scanner finds what it looks for
    Map<String, String> control = scanBytes("show", showOut.getBytes(UTF_8));
    assertThat(control.keySet())
        .contains("PSEUDOzq7Kx", "燕子飞过青瓦檐", "ACCOUNTwv3Jm", "CHANNELh6Td", "合作伙伴庚辛");
    assertThat(
            scanBytes(
                "b64",
                ("xx" + Base64.getEncoder().encodeToString(("ab" + "ATTBODYn4Ls").getBytes(UTF_8)))
                    .getBytes(UTF_8)))
        .containsKey("ATTBODYn4Ls");
    assertThat(scanBytes("u16", "..秘密内容丙丁..".getBytes(UTF_16LE))).containsKey("秘密内容丙丁");

    assertThat(scanTree(data)).as("data folder").isEmpty();
    assertThat(scanTree(exports)).as("exports").isEmpty();
    assertThat(Files.list(exports).count()).isEqualTo(5);
    assertThat(scanBytes("command output", output.toString().getBytes(UTF_8)))
        .as("command output")
        .isEmpty();
    assertThat(scanBytes("stdout/stderr/logs", captured.toByteArray())).as("logs").isEmpty();
    assertThat(scanNewTempFiles(start)).as("temporary files").isEmpty();
  }

  static Map<String, List<byte[]>> forms() {
    return SCAN.forms();
  }

  static Map<String, String> scanBytes(String where, byte[] bytes) {
    return SCAN.scanBytes(where, bytes);
  }

  static Map<String, String> scanTree(Path root) throws IOException {
    return SCAN.scanTree(root);
  }

  /** Files under the temporary folder changed during the test, except the user's own inputs. */
  Map<String, String> scanNewTempFiles(Instant since) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    int[] budget = {20_000};
    Files.walkFileTree(
        tmp,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(mine) || dir.equals(in)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (budget[0]-- <= 0) {
              return FileVisitResult.TERMINATE;
            }
            if (attrs.isRegularFile()
                && attrs.size() < 64L * 1024 * 1024
                && attrs.lastModifiedTime().toInstant().isAfter(since)) {
              try {
                found.putAll(scanBytes(file.toString(), Files.readAllBytes(file)));
              } catch (IOException | SecurityException e) {
                // gone or not ours to read: not written by this test
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
          }
        });
    return found;
  }
}
