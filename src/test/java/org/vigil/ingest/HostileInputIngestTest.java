package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.ErrorCode;
import org.vigil.extract.TestDocuments;
import org.vigil.testing.Pages;

/**
 * A batch full of hostile files: each fails on its own with its specific code, the good files in
 * the same batch are captured, and what was stored before is untouched.
 */
class HostileInputIngestTest {
  @TempDir Path data;
  @TempDir Path in;

  @Test
  void everyHostileFileFailsAloneWithItsOwnCodeAndNothingStoredIsLost() throws IOException {
    Map<String, ErrorCode> expected = new TreeMap<>();
    byte[] good =
        TestDocuments.pdf(
            List.of(
                "Briefing on overseas police service stations.",
                "Investigations were opened in several host countries in 2022."),
            false);
    write(
        "hostile/encrypted.pdf",
        TestDocuments.pdf(List.of("Sealed briefing text"), true),
        expected,
        ErrorCode.ENCRYPTED_DOCUMENT);
    write(
        "hostile/truncated.pdf",
        Arrays.copyOf(good, good.length / 2),
        expected,
        ErrorCode.TRUNCATED_DOCUMENT);
    byte[] junk = new byte[8192];
    new Random(3).nextBytes(junk);
    write("hostile/junk-named.pdf", junk, expected, ErrorCode.UNSUPPORTED_FORMAT);
    write("hostile/empty.html", new byte[0], expected, ErrorCode.EMPTY_DOCUMENT);
    write(
        "hostile/bomb.docx",
        TestDocuments.docxBomb(400L * 1024 * 1024),
        expected,
        ErrorCode.DECOMPRESSION_BOMB);
    // UTF-8 Chinese with runs of bytes that are valid in no encoding that fits the rest
    java.io.ByteArrayOutputStream broken = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 20; i++) {
      broken.writeBytes("海外警务服务站的调查".getBytes(StandardCharsets.UTF_8));
      broken.writeBytes(
          new byte[] {(byte) 0xC3, 0x28, (byte) 0xE2, 0x28, (byte) 0xA1, (byte) 0xFF});
    }
    write("hostile/invalid-utf8.txt", broken.toByteArray(), expected, ErrorCode.INVALID_ENCODING);
    write(
        "hostile/oversize.html",
        ("<p>" + "x".repeat(3_000_000) + "</p>").getBytes(StandardCharsets.UTF_8),
        expected,
        ErrorCode.TOO_LARGE);
    Files.createDirectories(in.resolve("good"));
    Files.write(in.resolve("good/brief.pdf"), good);

    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      Path before =
          Pages.write(
              in.resolve("earlier"),
              "story.html",
              Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
      vigil
          .ingest()
          .ingest(
              List.of(before.toString()),
              IngestOptions.defaults(),
              new IngestService.Listener() {});
      assertThat(vigil.sources().count()).isEqualTo(1);

      List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
      IngestSummary s =
          vigil
              .ingest()
              .ingest(
                  List.of(in.resolve("hostile").toString(), in.resolve("good").toString()),
                  new IngestOptions(2_000_000, false, 2),
                  new IngestService.Listener() {
                    @Override
                    public void item(ItemResult r) {
                      items.add(r);
                    }
                  });

      Map<String, ErrorCode> actual = new TreeMap<>();
      for (ItemResult r : s.failures()) {
        actual.put(Path.of(r.input()).getFileName().toString(), r.error().code());
        assertThat(r.error().message()).as(r.input()).isNotBlank();
      }
      assertThat(actual).isEqualTo(expected);
      assertThat(s.captured()).isEqualTo(1);
      assertThat(vigil.sources().count()).isEqualTo(2);
      assertThat(vigil.archiveVerifier().verify().passed()).isTrue();
      assertThat(vigil.archive().root()).isDirectory();
      assertThat(items).hasSize(expected.size() + 1);
    }
  }

  private void write(String name, byte[] bytes, Map<String, ErrorCode> expected, ErrorCode code)
      throws IOException {
    Path p = in.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    expected.put(p.getFileName().toString(), code);
  }
}
