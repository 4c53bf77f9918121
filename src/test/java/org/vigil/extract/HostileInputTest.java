package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/** Input meant to break the extractor: each must end in a specific, explained error. */
class HostileInputTest {
  private static final ExtractionLimits LIMITS =
      new ExtractionLimits(20L * 1024 * 1024, 1_000_000, Duration.ofSeconds(30));
  private static final Extractors EXTRACTORS = Extractors.standard(LIMITS);

  @Test
  void refusesRandomBytesNamedPdfSayingWhatTheyLookLike() {
    byte[] junk = new byte[4096];
    new Random(42).nextBytes(junk);
    junk[0] = 0x13; // no accidental magic number
    assertThatThrownBy(() -> EXTRACTORS.extract(junk, DocumentHints.ofFileName("report.pdf")))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isIn(ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.CORRUPT_DOCUMENT);
              assertThat(e.getMessage()).contains("binary data").contains("report.pdf");
            });
  }

  @Test
  @Timeout(60)
  void survivesHtmlNested100000LevelsDeep() {
    String html =
        "<html><body>"
            + "<div>".repeat(100_000)
            + "Deeply nested text about the association."
            + "</div>".repeat(100_000)
            + "<p>The office in Rotterdam was closed after the inquiry began in 2022.</p></body></html>";
    try {
      Extraction x =
          EXTRACTORS.extract(
              html.getBytes(StandardCharsets.UTF_8), DocumentHints.ofFileName("deep.html"));
      assertThat(x.text()).contains("The office in Rotterdam was closed");
    } catch (VigilException e) {
      assertThat(e.code()).isIn(ErrorCode.CORRUPT_DOCUMENT, ErrorCode.NO_TEXT);
    }
  }

  @Test
  void refusesAZipBombDisguisedAsDocx() {
    byte[] bomb = TestDocuments.docxBomb(200L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
    DocumentFormatsTest.assertFailsWith(
        EXTRACTORS, bomb, "minutes.docx", ErrorCode.DECOMPRESSION_BOMB);
  }

  @Test
  void refusesAPlainZipBomb() {
    byte[] bomb = TestDocuments.zip("data.bin", new byte[50 * 1024 * 1024]);
    DocumentFormatsTest.assertFailsWith(
        EXTRACTORS, bomb, "archive.docx", ErrorCode.DECOMPRESSION_BOMB);
  }

  @Test
  void refusesAZipOfUnknownContent() {
    byte[] zip = TestDocuments.zip("notes.txt", "a few notes".getBytes(StandardCharsets.UTF_8));
    DocumentFormatsTest.assertFailsWith(EXTRACTORS, zip, "notes.zip", ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void refusesAnImage() {
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      0x0D,
      0x0A,
      0x1A,
      0x0A,
      0,
      0,
      0,
      0x0D,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      8,
      2,
      0,
      0,
      0
    };
    DocumentFormatsTest.assertFailsWith(
        EXTRACTORS, png, "photo.html", ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void refusesEmptyAndWhiteSpaceOnlyInput() {
    DocumentFormatsTest.assertFailsWith(
        EXTRACTORS, new byte[0], "empty.txt", ErrorCode.EMPTY_DOCUMENT);
    DocumentFormatsTest.assertFailsWith(
        EXTRACTORS,
        " \n\t\r\n ".getBytes(StandardCharsets.US_ASCII),
        "blank.html",
        ErrorCode.EMPTY_DOCUMENT);
  }

  @Test
  void refusesInputLargerThanTheLimit() {
    Extractors small = Extractors.standard(LIMITS.withMaxBytes(100));
    DocumentFormatsTest.assertFailsWith(
        small, "x".repeat(101).getBytes(StandardCharsets.US_ASCII), "big.txt", ErrorCode.TOO_LARGE);
  }

  @Test
  void refusesBadlyBrokenUtf8NamingTheOffset() {
    byte[] good = "海外警务服务站的调查".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 6];
    System.arraycopy(good, 0, bad, 0, 9);
    bad[9] = (byte) 0xC3;
    bad[10] = (byte) 0x28;
    bad[11] = (byte) 0xE2;
    bad[12] = (byte) 0x28;
    bad[13] = (byte) 0xA1;
    bad[14] = (byte) 0xFF;
    System.arraycopy(good, 9, bad, 15, good.length - 9);
    assertThatThrownBy(() -> EXTRACTORS.extract(bad, DocumentHints.ofFileName("note.txt")))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ENCODING);
              assertThat(e.getMessage()).contains("byte offset 9");
            });
  }

  @Test
  void repairsOneBadByteInALongUtf8TextWithAWarning() {
    String paragraph = "同乡会负责人表示，办公室只是帮助年长会员办理手续，与警方没有任何关系。\n\n";
    byte[] good = paragraph.repeat(40).getBytes(StandardCharsets.UTF_8);
    good[300] = (byte) 0xFF;
    Extraction x = EXTRACTORS.extract(good, DocumentHints.ofFileName("note.txt"));
    assertThat(x.language()).isEqualTo("zh-Hans");
    // the damaged character's lead byte and its orphaned continuation bytes are all reported
    assertThat(x.warnings())
        .singleElement()
        .asString()
        .containsPattern(
            "[1-3] invalid UTF-8 byte sequence\\(s\\) replaced, the first at byte offset 29[89]");
  }

  @Test
  void givesUpAtTheDeadline() {
    Extractors hasty =
        Extractors.standard(
            new ExtractionLimits(LIMITS.maxBytes(), 1_000_000, Duration.ofNanos(1)));
    DocumentFormatsTest.assertFailsWith(
        hasty,
        TestDocuments.pdf(TestDocuments.REPORT, false),
        "r.pdf",
        ErrorCode.EXTRACTION_TIMEOUT);
  }
}
