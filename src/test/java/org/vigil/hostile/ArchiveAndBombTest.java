package org.vigil.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.ErrorCode;
import org.vigil.extract.TestDocuments;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.ItemResult;
import org.vigil.records.SourceRecord;
import org.vigil.testing.Pages;

/**
 * XML inside office files (external entities, entity-expansion bombs) and zip members whose names
 * climb out of the archive, captured through the real ingest path over a workspace that already
 * holds a source. Each is refused with a clear code or captured without the attack taking effect:
 * no local file read into the text, no request made, no file written outside, no memory blow-up;
 * and the earlier source is intact.
 */
class ArchiveAndBombTest {
  /** Codes a hostile office file may be refused with: each names the problem. */
  static final Set<ErrorCode> REFUSALS =
      Set.of(
          ErrorCode.CORRUPT_DOCUMENT,
          ErrorCode.UNSUPPORTED_FORMAT,
          ErrorCode.DECOMPRESSION_BOMB,
          ErrorCode.TOO_LARGE,
          ErrorCode.NO_TEXT,
          ErrorCode.EXTRACTION_TIMEOUT);

  static final String SECRET = "zebra-quartz-7731-never-in-a-source";

  @TempDir Path data;
  @TempDir Path in;
  @TempDir Path outside;
  Vigil vigil;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  String base;

  @BeforeEach
  void open() throws IOException {
    vigil = Vigil.open(new VigilConfig(data));
    Path earlier =
        Pages.write(
            in.resolve("earlier"),
            "story.html",
            Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    vigil
        .ingest()
        .ingest(
            List.of(earlier.toString()), IngestOptions.defaults(), new IngestService.Listener() {});
    assertThat(vigil.sources().count()).isEqualTo(1);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          byte[] b = SECRET.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void close() {
    server.stop(0);
    vigil.close();
  }

  @Test
  @Timeout(120)
  void xmlEntitiesInOfficeFilesNeitherReadFilesNorCallOutNorExplode() throws IOException {
    Path secret = Files.writeString(outside.resolve("secret.txt"), SECRET);
    String fileEntity = "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">";
    String httpEntity = "<!ENTITY xxe SYSTEM \"" + base + "/entity\">";
    String paramEntity = "<!ENTITY % p SYSTEM \"" + base + "/dtd\"> %p;";
    String laughs = billionLaughs();
    String quadratic = "<!ENTITY a \"" + "x".repeat(50_000) + "\">";
    String refs = "&a;".repeat(50_000);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("xxe-file.docx", docx(fileEntity, "&xxe;"));
    files.put("xxe-http.docx", docx(httpEntity, "&xxe;"));
    files.put("xxe-parameter.docx", docx(paramEntity, ""));
    files.put("billion-laughs.docx", docx(laughs, "&lol9;"));
    files.put("quadratic-blowup.docx", docx(quadratic, refs));
    files.put("xxe-file.odt", odt(fileEntity, "&xxe;"));
    files.put("billion-laughs.odt", odt(laughs, "&lol9;"));
    files.put("external-dtd.docx", docxWithExternalDtd(base + "/external.dtd"));

    Intact before = Intact.of(vigil);
    Map<String, ItemResult> results = ingest("xml", files);
    assertThat(results).hasSize(files.size());
    for (Map.Entry<String, ItemResult> r : results.entrySet()) {
      ItemResult item = r.getValue();
      String name = r.getKey();
      if (name.endsWith(".docx")) {
        // the OOXML parser refuses any DOCTYPE at all
        assertThat(item.error()).as(name).isNotNull();
        assertThat(item.error().code()).as(name).isEqualTo(ErrorCode.CORRUPT_DOCUMENT);
        assertThat(item.error().message()).as(name).contains("DOCTYPE is disallowed");
      } else if (name.equals("billion-laughs.odt")) {
        assertThat(item.error()).as(name).isNotNull();
        assertThat(item.error().code()).as(name).isEqualTo(ErrorCode.CORRUPT_DOCUMENT);
        assertThat(item.error().message()).as(name).contains("entity expansions");
      } else {
        // the ODF parser reads the text but resolves no external entity
        assertThat(item.error()).as(name).isNull();
        SourceRecord s = vigil.sources().find(item.sourceId()).orElseThrow();
        assertThat(s.content().text()).as(name).contains("harbour office").doesNotContain(SECRET);
      }
      if (item.error() != null) {
        assertThat(item.error().code()).as(name).isIn(REFUSALS);
      }
    }
    assertThat(requests.get()).as("requests made for entities").isZero();
    assertThat(vigil.index().search(org.vigil.search.SearchQuery.of(SECRET)).total()).isZero();
    assertEarlierSourceIntact(before);
  }

  @Test
  void zipMembersNamedOutsideTheArchiveAreNeverWrittenAnywhere() throws IOException {
    byte[] good = TestDocuments.docx(List.of("Station report from the harbour office in 2022."));
    Map<String, byte[]> files = new LinkedHashMap<>();
    String escape = "../../../../../../" + outside.getFileName() + "/escaped.txt";
    files.put("zip-slip.docx", withExtraMember(good, escape, SECRET));
    files.put(
        "absolute-member.docx",
        withExtraMember(good, outside.resolve("abs.txt").toString(), SECRET));
    files.put("backslash-member.docx", withExtraMember(good, "..\\..\\..\\escaped2.txt", SECRET));
    files.put("zip-slip.zip", TestDocuments.zip(escape, SECRET.getBytes(StandardCharsets.UTF_8)));
    Intact before = Intact.of(vigil);
    Map<String, ItemResult> results = ingest("zips", files);
    assertThat(results).hasSize(files.size());
    // the member is ignored (docx), refused as not a part (absolute name), or the zip refused
    assertThat(results.get("zip-slip.docx").error()).isNull();
    assertThat(results.get("backslash-member.docx").error()).isNull();
    assertThat(results.get("absolute-member.docx").error().code())
        .isEqualTo(ErrorCode.CORRUPT_DOCUMENT);
    assertThat(results.get("zip-slip.zip").error().code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    for (String captured : List.of("zip-slip.docx", "backslash-member.docx")) {
      SourceRecord s = vigil.sources().find(results.get(captured).sourceId()).orElseThrow();
      assertThat(s.content().text()).as(captured).doesNotContain(SECRET);
    }
    // nothing landed outside the data folder, nor inside it under the member's name
    try (Stream<Path> s = Files.walk(outside)) {
      assertThat(s.filter(Files::isRegularFile).toList()).isEmpty();
    }
    for (Path root : List.of(data, in, data.getParent())) {
      try (Stream<Path> s = Files.walk(root, 8)) {
        assertThat(s.filter(p -> p.getFileName().toString().matches("escaped2?\\.txt|abs\\.txt")))
            .as("member files under %s", root)
            .isEmpty();
      } catch (java.io.UncheckedIOException ignored) {
        // another test's temporary folder vanished while walking: nothing of ours
      }
    }
    assertEarlierSourceIntact(before);
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, ItemResult> ingest(String folder, Map<String, byte[]> files)
      throws IOException {
    Path dir = Files.createDirectories(in.resolve(folder));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    vigil
        .ingest()
        .ingest(
            List.of(dir.toString()),
            new IngestOptions(20_000_000, false, 2),
            new IngestService.Listener() {
              @Override
              public void item(ItemResult r) {
                items.add(r);
              }
            });
    Map<String, ItemResult> out = new LinkedHashMap<>();
    for (ItemResult r : items) {
      out.put(Path.of(r.input()).getFileName().toString(), r);
    }
    return out;
  }

  /** New captures may be added; what was there before must be exactly as it was. */
  private void assertEarlierSourceIntact(Intact before) {
    assertThat(vigil.auditLog().verify(before.audit()).passed()).isTrue();
    assertThat(vigil.archiveVerifier().verify().passed()).isTrue();
    assertThat(vigil.sources().count()).isGreaterThanOrEqualTo(before.sources());
    assertThat(vigil.claims().count()).isEqualTo(before.claims());
    assertThat(vigil.records().count()).isEqualTo(before.records());
    assertThat(vigil.accounts().list()).isEqualTo(before.users());
  }

  static String billionLaughs() {
    StringBuilder b = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      b.append("<!ENTITY lol").append(i).append(" \"");
      b.append(("&lol" + (i - 1) + ";").repeat(10));
      b.append("\">");
    }
    return b.toString();
  }

  static byte[] docx(String doctypeBody, String textWithEntities) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<!DOCTYPE w:document ["
            + doctypeBody
            + "]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:body><w:p><w:r><w:t>Station report from the harbour office. "
            + textWithEntities
            + "</w:t></w:r></w:p></w:body></w:document>";
    return replaceMember(
        TestDocuments.docx(List.of("placeholder")),
        "word/document.xml",
        xml.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] docxWithExternalDtd(String url) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<!DOCTYPE w:document SYSTEM \""
            + url
            + "\">"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:body><w:p><w:r><w:t>Station report.</w:t></w:r></w:p></w:body></w:document>";
    return replaceMember(
        TestDocuments.docx(List.of("placeholder")),
        "word/document.xml",
        xml.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] odt(String doctypeBody, String textWithEntities) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<!DOCTYPE office:document-content ["
            + doctypeBody
            + "]>"
            + "<office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
            + "<office:body><office:text><text:p>Station report from the harbour office. "
            + textWithEntities
            + "</text:p></office:text></office:body></office:document-content>";
    return replaceMember(
        TestDocuments.odt(List.of("placeholder")),
        "content.xml",
        xml.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] withExtraMember(byte[] zip, String name, String content) {
    return rewrite(zip, null, null, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] replaceMember(byte[] zip, String name, byte[] content) {
    return rewrite(zip, name, content, null, null);
  }

  private static byte[] rewrite(
      byte[] zip, String replace, byte[] replacement, String extraName, byte[] extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream zout = new ZipOutputStream(out)) {
      ZipEntry e;
      boolean replaced = replace == null;
      while ((e = zin.getNextEntry()) != null) {
        byte[] body = zin.readAllBytes();
        if (e.getName().equals(replace)) {
          body = replacement;
          replaced = true;
        }
        ZipEntry copy = new ZipEntry(e.getName());
        if (e.getMethod() == ZipEntry.STORED) {
          copy.setMethod(ZipEntry.STORED);
          copy.setSize(body.length);
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(body);
          copy.setCrc(crc.getValue());
        }
        zout.putNextEntry(copy);
        zout.write(body);
        zout.closeEntry();
      }
      assertThat(replaced).as("member %s in the template", replace).isTrue();
      if (extraName != null) {
        zout.putNextEntry(new ZipEntry(extraName));
        zout.write(extra);
        zout.closeEntry();
      }
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    return out.toByteArray();
  }
}
