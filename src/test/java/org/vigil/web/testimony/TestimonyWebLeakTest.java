package org.vigil.web.testimony;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.records.EntityRecord;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.testimony.MarkerScan;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;
import org.vigil.web.sources.SourcesController;
import org.vigil.web.testimony.TestimonyControllerTest.Part;

/**
 * Testimony taken in through the browser and the API leaves no trace of its content anywhere but
 * the sealed rows: not in the data folder (with SQLite's WAL and SHM), not in any file the server
 * creates while reading the multipart form (no part is spooled: the upload spill folder sees no new
 * file), not in new temporary files, not in server logs or output, not in exports, statistics or
 * the intake responses. Markers (Latin and Chinese, distinct from the command-line leak test's) are
 * looked for byte by byte as UTF-8, UTF-16, hex, JSON escapes and base64.
 */
class TestimonyWebLeakTest {
  static final List<String> MARKERS =
      List.of(
          "WEBPSEUDOk4Qz",
          "白鹭停在桥头",
          "WEBACCOUNTt9Vx",
          "父亲被带走那天下雨",
          "WEBATTNAMEp3Lc",
          "录音文件戊",
          "WEBATTBODYs8Hd",
          "隐藏的证据己庚",
          "WEBCHANNELb5Ny",
          "邮件经由律师",
          "WEBPARTNERg2Wu",
          "伙伴机构壬癸");

  static final MarkerScan SCAN = new MarkerScan(MARKERS);

  static final String PSEUDONYM = "WEBPSEUDOk4Qz 白鹭停在桥头";
  static final String ACCOUNT = "It rained. WEBACCOUNTt9Vx 父亲被带走那天下雨 然后他们走了。";
  static final String ATTACHMENT_NAME = "WEBATTNAMEp3Lc 录音文件戊.bin";
  static final String CHANNEL = "WEBCHANNELb5Ny 邮件经由律师";
  static final String PARTNER = "WEBPARTNERg2Wu 伙伴机构壬癸";

  @TempDir Path data;

  /** Several hundred kilobytes, markers throughout: far above any spooling threshold. */
  static byte[] attachmentBody() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12_000; i++) {
      b.append("WEBATTBODYs8Hd 隐藏的证据己庚 line ").append(i).append('\n');
    }
    return b.toString().getBytes(UTF_8);
  }

  @Test
  void webIntakeLeavesNoMarkerOnDiskInLogsOrExports() throws Exception {
    Instant start = Instant.now().minusSeconds(2);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    StringBuilder responses = new StringBuilder();
    List<String> spooledDuringTestimony = new ArrayList<>();
    List<String> spooledDuringControl = new ArrayList<>();
    try (TestServer server = TestServer.start(data)) {
      server.vigil().keys().init("reviewer", "a long enough passphrase".toCharArray(), "test");
      EntityRecord incident =
          server
              .vigil()
              .records()
              .create(
                  "incident",
                  "Night visit",
                  null,
                  ClaimStatus.ALLEGED,
                  new Stamp("carol", Instant.now()));
      Path incoming = SourcesController.spillFolder(server.vigil());
      try (WatchService watch = FileSystems.getDefault().newWatchService()) {
        incoming.register(watch, StandardWatchEventKinds.ENTRY_CREATE);

        // 1. the browser form, multipart with a large attachment
        TestBrowser analyst = server.signedIn(Role.ANALYST);
        analyst.get("/testimony/new");
        List<Part> parts = new ArrayList<>();
        parts.add(Part.field("_csrf", analyst.csrf()));
        parts.add(Part.field("pseudonym", PSEUDONYM));
        parts.add(Part.field("account", ACCOUNT));
        parts.add(Part.field("contact", "on"));
        parts.add(Part.field("channel", CHANNEL));
        parts.add(Part.field("share", PARTNER));
        parts.add(Part.field("incident", incident.id()));
        parts.add(new Part("attachments", ATTACHMENT_NAME, attachmentBody()));
        HttpResponse<String> form =
            analyst.send(
                TestimonyControllerTest.multipart(analyst, "/testimony/new", parts, false));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(201);
        responses.append(form.body());

        // 2. the API, multipart with the CSRF header and JSON with base64
        analyst.get("/testimony");
        List<Part> apiParts = new ArrayList<>(parts.subList(1, parts.size()));
        HttpResponse<String> api =
            analyst.send(
                TestimonyControllerTest.multipart(analyst, "/api/v1/testimony", apiParts, true));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        responses.append(api.body());
        String json =
            """
            {"pseudonym":"%s","account":"%s","consent":{"contactAllowed":true,"contactChannel":"%s","shareWith":["%s"]},
             "attachments":[{"name":"%s","content":"%s"}]}
            """
                .formatted(
                    PSEUDONYM,
                    ACCOUNT,
                    CHANNEL,
                    PARTNER,
                    ATTACHMENT_NAME,
                    Base64.getEncoder().encodeToString(attachmentBody()));
        HttpResponse<String> apiJson =
            analyst.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/testimony"))
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-Token", analyst.csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8))
                    .build());
        assertThat(apiJson.statusCode()).as(apiJson.body()).isEqualTo(201);
        responses.append(apiJson.body());
        spooledDuringTestimony.addAll(created(watch));

        // a custodian reads it (the page itself is plaintext by design: not scanned)
        TestBrowser reviewer = server.signedIn(Role.REVIEWER);
        reviewer.get("/testimony");
        reviewer.post("/testimony/unlock", Map.of("passphrase", "a long enough passphrase"));
        String id = server.vigil().testimony().list("t").get(0).id();
        assertThat(reviewer.get("/testimony/" + id).body()).contains("WEBACCOUNTt9Vx");

        // everything else a user can see
        for (String path :
            List.of(
                "/testimony",
                "/api/v1/testimony",
                "/exports/csv",
                "/exports/json",
                "/exports/geojson",
                "/exports/ftm",
                "/api/v1/stats",
                "/records/" + incident.id(),
                "/")) {
          HttpResponse<String> r = reviewer.get(path);
          assertThat(r.statusCode()).as(path).isEqualTo(200);
          responses.append(r.body());
        }
        assertThat(Files.exists(data.resolve("vigil.db-wal"))).isTrue();
        assertThat(scanTree(data)).as("data folder while the server runs").isEmpty();

        // control: a source upload through the ordinary form does spool into the same folder,
        // so the watch would have seen a spooled testimony part
        TestBrowser capture2 = server.signedIn(Role.ANALYST);
        capture2.get("/sources/capture");
        HttpResponse<String> control =
            capture2.send(
                TestimonyControllerTest.multipart(
                    capture2,
                    "/sources/capture",
                    List.of(new Part("files", "control.txt", new byte[200_000])),
                    true));
        assertThat(control.statusCode()).isLessThan(400);
        spooledDuringControl.addAll(created(watch));
      }
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }

    assertThat(spooledDuringControl).as("the watch sees spooled parts").isNotEmpty();
    assertThat(spooledDuringTestimony).as("files created while testimony was read").isEmpty();

    // the scanner finds what it looks for
    assertThat(scanBytes("control", ACCOUNT.getBytes(UTF_16LE))).containsKey("WEBACCOUNTt9Vx");
    assertThat(scanBytes("control", Base64.getEncoder().encode(("x" + PSEUDONYM).getBytes(UTF_8))))
        .containsKey("WEBPSEUDOk4Qz");
    assertThat(scanBytes("control", "\\u767d\\u9e6d\\u505c\\u5728\\u6865\\u5934".getBytes(UTF_8)))
        .containsKey("白鹭停在桥头");

    assertThat(scanTree(data)).as("data folder").isEmpty();
    assertThat(scanBytes("responses", responses.toString().getBytes(UTF_8)))
        .as("responses")
        .isEmpty();
    assertThat(scanBytes("logs", captured.toByteArray())).as("server output and logs").isEmpty();
    assertThat(scanNewTempFiles(start)).as("temporary files").isEmpty();
  }

  private static List<String> created(WatchService watch) throws InterruptedException {
    List<String> out = new ArrayList<>();
    WatchKey key;
    while ((key = watch.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
      for (WatchEvent<?> e : key.pollEvents()) {
        out.add(String.valueOf(e.context()));
      }
      key.reset();
    }
    return out;
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

  static Map<String, String> scanNewTempFiles(Instant since) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    int[] budget = {20_000};
    Files.walkFileTree(
        tmp,
        new SimpleFileVisitor<>() {
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
