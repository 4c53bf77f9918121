package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text in extract/text, written in UTF-8, is encoded as its expectations say (GBK, Big5,
 * UTF-16 with or without a byte-order mark …), extracted without a charset hint, and must come back
 * as the same text.
 */
class TextFixturesTest {
  private static final Extractors EXTRACTORS = Extractors.standard(ExtractionLimits.defaults());

  static Stream<Path> texts() {
    return Fixtures.in("text");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void decodesTheTextWithoutAHint(Path fixture) {
    Properties expect = Fixtures.expectations(fixture);
    String source = new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    byte[] encoded = encode(source, expect);

    Extraction x = EXTRACTORS.extract(encoded, DocumentHints.ofFileName("note.txt"));

    assertThat(x.mediaType()).startsWith("text/plain");
    assertThat(x.text()).isEqualTo(PlainTextExtractor.tidy(source));
    assertThat(x.metadata().title()).isEqualTo(expect.getProperty("title"));
    assertThat(x.language()).isEqualTo(expect.getProperty("language"));
    if (expect.getProperty("published") != null) {
      assertThat(x.metadata().published())
          .isEqualTo(LocalDate.parse(expect.getProperty("published")));
    }
    assertThat(x.warnings()).isEmpty();
  }

  static byte[] encode(String text, Properties expect) {
    Charset cs = Charset.forName(expect.getProperty("encoding"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (Boolean.parseBoolean(expect.getProperty("bom"))) {
      String name = cs.name();
      byte[] bom =
          name.equals("UTF-16BE")
              ? new byte[] {(byte) 0xFE, (byte) 0xFF}
              : name.equals("UTF-16LE")
                  ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                  : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      out.writeBytes(bom);
    }
    out.writeBytes(text.getBytes(cs));
    byte[] bytes = out.toByteArray();
    // the fixture must really be in the target encoding, not silently lossy
    assertThat(new String(bytes, cs).replace("\uFEFF", "")).isEqualTo(text);
    return bytes;
  }
}
