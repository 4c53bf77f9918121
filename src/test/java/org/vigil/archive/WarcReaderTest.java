package org.vigil.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class WarcReaderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sample.warc", "sample.warc.gz"})
  void deliversResponsesAndResourcesWithEncodingsRemoved(String name) throws Exception {
    List<WarcItem> items = readAll(fixture(name), 1_000_000);

    assertThat(items).allSatisfy(item -> assertThat(item.failure()).isNull());
    assertThat(items)
        .extracting(WarcItem::label)
        .containsExactly(
            "https://news.example.org/riverton",
            "https://news.example.org/notice",
            "https://news.example.org/chunked",
            "file:///notes/riverton-zh.txt",
            "https://news.example.org/gone");

    WarcEntry html = items.get(0).entry();
    assertThat(html.recordId()).isEqualTo("urn:uuid:00000000-0000-4000-8000-000000000003");
    assertThat(html.date()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(html.httpStatus()).isEqualTo(200);
    assertThat(html.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(html.httpHeaders()).containsEntry("x-multi", List.of("a", "b"));
    assertThat(html.httpHeaders().keySet()).allMatch(k -> k.equals(k.toLowerCase()));
    String text = new String(html.payload(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("<!DOCTYPE html>").contains("海外警务服务站").endsWith("</html>\n");

    assertThat(utf8(items.get(1).entry().payload()))
        .isEqualTo("Compressed notice: the Riverton office closed on 2 May. 该办公室已关闭。\n");
    assertThat(utf8(items.get(2).entry().payload()))
        .isEqualTo("First part of a chunked page. Second part of it.");

    WarcEntry resource = items.get(3).entry();
    assertThat(resource.httpStatus()).isNull();
    assertThat(resource.httpHeaders()).isEmpty();
    assertThat(resource.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(utf8(resource.payload())).startsWith("据报道，该“服务站”曾联系海外侨民。");

    WarcEntry gone = items.get(4).entry();
    assertThat(gone.httpStatus()).isEqualTo(404);
    assertThat(utf8(gone.payload())).isEqualTo("not found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample.warc", "sample.warc.gz"})
  void truncatedFileDeliversEarlierRecordsThenFails(String name) throws Exception {
    byte[] whole = Files.readAllBytes(fixture(name));
    // cut inside the 404 response (the fifth delivered record), keeping the four before it
    int cut =
        name.endsWith(".gz")
            ? gzipMemberStarts(whole).get(6) + 40 // seventh record: the 404 response
            : indexOf(whole, "not found".getBytes(StandardCharsets.US_ASCII)) + 4;
    Path truncated = dir.resolve(name);
    Files.write(truncated, Arrays.copyOf(whole, cut));
    List<WarcItem> items = new ArrayList<>();

    assertThatThrownBy(() -> WarcReader.read(truncated, 1_000_000, items::add))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TRUNCATED_DOCUMENT);
              assertThat(e.getMessage()).contains("truncated", truncated.toString());
            });
    assertThat(items).hasSize(4).allSatisfy(item -> assertThat(item.failure()).isNull());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample.warc", "sample.warc.gz"})
  void everyCutEitherFailsClearlyOrDeliversOnlyCompleteRecords(String name) throws Exception {
    byte[] whole = Files.readAllBytes(fixture(name));
    List<WarcItem> complete = readAll(fixture(name), 1_000_000);
    Path cutFile = dir.resolve("cut-" + name);
    // A cut exactly between two records leaves a valid, shorter WARC: nothing can tell.
    List<Integer> boundaries =
        name.endsWith(".gz")
            ? gzipMemberStarts(whole)
            : occurrences(whole, "WARC/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
    List<Integer> silent = new ArrayList<>();
    for (int cut = 1; cut < whole.length; cut += 1) {
      Files.write(cutFile, Arrays.copyOf(whole, cut));
      List<WarcItem> items = new ArrayList<>();
      try {
        WarcReader.read(cutFile, 1_000_000, items::add);
        if (items.size() < complete.size()) {
          silent.add(cut);
        }
      } catch (VigilException e) {
        assertThat(e.code())
            .as("cut at %d: %s", cut, e.getMessage())
            .isIn(ErrorCode.TRUNCATED_DOCUMENT, ErrorCode.CORRUPT_DOCUMENT);
      }
      for (int i = 0; i < items.size(); i++) {
        assertThat(items.get(i).failure()).as("cut at %d, item %d", cut, i).isNull();
        assertThat(items.get(i).entry().payload())
            .as("cut at %d, item %d", cut, i)
            .isEqualTo(complete.get(i).entry().payload());
      }
    }
    assertThat(boundaries).containsAll(silent);
  }

  @Test
  void nonWarcInputIsCorrupt() throws IOException {
    Path notWarc = dir.resolve("page.warc");
    Files.writeString(notWarc, "<html><body>This is not a WARC file at all.</body></html>\n");
    assertFails(notWarc, ErrorCode.CORRUPT_DOCUMENT);

    Path empty = dir.resolve("empty.warc");
    Files.write(empty, new byte[0]);
    assertFails(empty, ErrorCode.CORRUPT_DOCUMENT);
  }

  @Test
  void oversizeRecordsAreReportedAndReadingGoesOn() throws Exception {
    List<WarcItem> items = readAll(fixture("sample.warc"), 100);

    assertThat(items).hasSize(5);
    WarcItem html = items.get(0);
    assertThat(html.entry()).isNull();
    assertThat(html.label()).isEqualTo("https://news.example.org/riverton");
    assertThat(html.failure().code()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(items.get(1).entry()).isNotNull(); // the small gzip notice still comes through
    assertThat(items.get(4).entry()).isNotNull();
  }

  @Test
  void gzipBombPayloadIsBounded() throws Exception {
    byte[] bomb = gzip(new byte[50_000_000]); // ~50 KB that inflates to 50 MB
    String http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: "
            + bomb.length
            + "\r\n\r\n";
    byte[] block = concat(http.getBytes(StandardCharsets.US_ASCII), bomb);
    Path warc = dir.resolve("bomb.warc");
    Files.write(
        warc,
        concat(
            record(
                "response",
                "https://bomb.example.org/",
                "application/http;msgtype=response",
                block),
            record(
                "resource",
                "file:///after.txt",
                "text/plain",
                "still read".getBytes(StandardCharsets.UTF_8))));

    List<WarcItem> items = readAll(warc, 1_000_000);

    assertThat(items).hasSize(2);
    assertThat(items.get(0).failure().code()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(utf8(items.get(1).entry().payload())).isEqualTo("still read");
  }

  @Test
  void unparseableHttpInAResponseIsOneFailedItem() throws Exception {
    Path warc = dir.resolve("bad-http.warc");
    Files.write(
        warc,
        concat(
            record(
                "response",
                "https://bad.example.org/",
                "application/http;msgtype=response",
                "this is not an HTTP response\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
            record(
                "resource",
                "file:///after.txt",
                "text/plain",
                "still read".getBytes(StandardCharsets.UTF_8))));

    List<WarcItem> items = readAll(warc, 1_000_000);

    assertThat(items).hasSize(2);
    assertThat(items.get(0).failure().code()).isEqualTo(ErrorCode.CORRUPT_DOCUMENT);
    assertThat(items.get(1).entry()).isNotNull();
  }

  private static List<WarcItem> readAll(Path warc, long max) {
    List<WarcItem> items = new ArrayList<>();
    WarcReader.read(warc, max, items::add);
    return items;
  }

  private static void assertFails(Path warc, ErrorCode code) {
    assertThatThrownBy(() -> WarcReader.read(warc, 1000, item -> {}))
        .isInstanceOfSatisfying(VigilException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(WarcReaderTest.class.getResource("/archive/warc/" + name).toURI());
  }

  private static byte[] record(String type, String uri, String contentType, byte[] block) {
    String header =
        "WARC/1.1\r\nWARC-Type: "
            + type
            + "\r\nWARC-Record-ID: <urn:uuid:"
            + java.util.UUID.randomUUID()
            + ">\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: "
            + uri
            + "\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + block.length
            + "\r\n\r\n";
    return concat(
        header.getBytes(StandardCharsets.UTF_8),
        block,
        "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** Where each gzip member starts; the fixture writes them with a zero mtime and no name. */
  private static List<Integer> gzipMemberStarts(byte[] bytes) {
    byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
    List<Integer> starts = new ArrayList<>();
    for (int from = 0; from < bytes.length; ) {
      int at = indexOf(Arrays.copyOfRange(bytes, from, bytes.length), header);
      if (at < 0) {
        break;
      }
      starts.add(from + at);
      from += at + header.length;
    }
    return starts;
  }

  private static List<Integer> occurrences(byte[] bytes, byte[] needle) {
    List<Integer> found = new ArrayList<>();
    for (int from = 0; ; ) {
      int at = indexOf(Arrays.copyOfRange(bytes, from, bytes.length), needle);
      if (at < 0) {
        return found;
      }
      found.add(from + at);
      from += at + needle.length;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
