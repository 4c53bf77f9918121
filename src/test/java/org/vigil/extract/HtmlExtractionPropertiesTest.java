package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Property tests for HTML extraction on random and adversarial markup: random tags and nesting,
 * attributes, entities (including ones naming surrogates and NUL), unclosed comments and CDATA,
 * script and style, charset declarations, and lone surrogates in the source string. Extraction
 * either returns clean text or refuses the item with a documented item code; it never fails with an
 * unexpected exception.
 */
class HtmlExtractionPropertiesTest {
  static final int EXAMPLES = 200;

  static final List<String> PIECES =
      List.of(
          "<html>",
          "</html>",
          "<head>",
          "</head>",
          "<body>",
          "</body>",
          "<p>",
          "</p>",
          "<div>",
          "</div>",
          "<div class=\"nav menu\">",
          "<span style='x'>",
          "</span>",
          "<a href=\"/x?a=1&b=2\">",
          "</a>",
          "<br>",
          "<br/>",
          "<hr",
          "<img src=x onerror=alert(1)>",
          "<table><tr><td>",
          "</td></tr></table>",
          "<ul><li>",
          "</li></ul>",
          "<h1>",
          "</h1>",
          "<title>",
          "</title>",
          "<script>",
          "</script>",
          "<style>",
          "</style>",
          "<noscript>",
          "<template>",
          "<svg><g>",
          "</g></svg>",
          "<math>",
          "<!--",
          "-->",
          "<![CDATA[",
          "]]>",
          "<!DOCTYPE html>",
          "<?xml ?>",
          "<meta charset=\"utf-8\">",
          "<meta charset='big5'>",
          "<meta charset=utf-16>",
          "<meta http-equiv=\"content-type\" content=\"text/html; charset=gb2312\">",
          "<meta property=\"article:published_time\" content=\"2022-13-45\">",
          "<meta name=\"author\" content=\"\">",
          "<article>",
          "</article>",
          "<footer>",
          "&amp;",
          "&lt;",
          "&gt;",
          "&nbsp;",
          "&#0;",
          "&#xD800;",
          "&#xDFFF;",
          "&#x110000;",
          "&#99999999999;",
          "&#x1F600;",
          "&copy",
          "&unknown;",
          "&",
          "<",
          ">",
          "\"",
          "'",
          "=",
          "</",
          "<p <p",
          "<<>>",
          "中文内容，海外警务服务站。",
          "據報導，",
          "Rotterdam ",
          "Safeguard Defenders said 54 stations. ",
          "  ",
          "\n",
          "\t",
          "\r\n",
          "\u0000",
          "\uD800",
          "\uDC00",
          "\uFEFF",
          "\u202E",
          "\u200B");

  static Gen<String> html() {
    Gen<String> piece = Generate.pick(PIECES);
    Gen<String> noise = strings().allPossible().ofLengthBetween(0, 4);
    return lists()
        .of(piece.mix(noise, 25))
        .ofSizeBetween(0, 60)
        .map(parts -> String.join("", parts))
        .describedAs(s -> "\"" + s.replace("\n", "\\n") + "\"");
  }

  /** What an HTML page may be refused with: nothing to read, or not decodable. */
  static final Set<ErrorCode> REFUSALS =
      Set.of(ErrorCode.EMPTY_DOCUMENT, ErrorCode.NO_TEXT, ErrorCode.INVALID_ENCODING);

  static void checkText(String text) {
    assertThat(text).isNotBlank();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            .as("unpaired high surrogate at %d", i)
            .isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("unpaired low surrogate at %d", i).isFalse();
        assertThat(c).as("NUL in text").isNotEqualTo('\u0000');
      }
    }
  }

  @Test
  void surrogateAndNulReferencesBecomeReplacementCharacters() throws Exception {
    byte[] page =
        "<html><body><p>Before &#xD800; middle &#0; after &#x1F600; end of a paragraph.</p>"
            .getBytes(StandardCharsets.UTF_8);
    String text =
        new HtmlExtractor()
            .extract(page, "text/html", DocumentHints.none(), ExtractionLimits.defaults())
            .text();
    assertThat(text)
        .contains("Before \uFFFD middle")
        .contains("\uD83D\uDE00")
        .doesNotContain("\u0000");
    checkText(text);
    assertThat(Extraction.wellFormed("a\uDC00b\uD800")).isEqualTo("a\uFFFDb\uFFFD");
  }

  @Test
  void cuttingLongTextNeverSplitsASurrogatePair() {
    ExtractionLimits limits = new ExtractionLimits(1_000_000, 5, java.time.Duration.ofSeconds(5));
    Extraction e =
        Extraction.assemble(
            "text/plain",
            new DocumentMetadata(null, null, null, null, null),
            "abcd\uD83D\uDE00efg",
            List.of(),
            limits);
    assertThat(e.text()).isEqualTo("abcd");
    checkText(e.text());
  }

  @Test
  void htmlExtractorReturnsCleanTextOrADocumentedRefusal() {
    HtmlExtractor extractor = new HtmlExtractor();
    qt().withExamples(EXAMPLES)
        .forAll(html())
        .checkAssert(
            s -> {
              byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
              try {
                Extraction e =
                    extractor.extract(
                        bytes, "text/html", DocumentHints.none(), ExtractionLimits.defaults());
                checkText(e.text());
                assertThat(e.language()).isNotBlank();
                assertThat(e.normalizedText()).isNotNull();
              } catch (VigilException ve) {
                assertThat(REFUSALS).as(ve.getMessage()).contains(ve.code());
              }
            });
  }

  @Test
  void extractorsNeverReportAnUnexpectedFailure() {
    Extractors extractors = Extractors.standard(ExtractionLimits.defaults());
    qt().withExamples(EXAMPLES)
        .forAll(html())
        .checkAssert(
            s -> {
              byte[] bytes = ("<!DOCTYPE html><html><body>" + s).getBytes(StandardCharsets.UTF_8);
              try {
                checkText(extractors.extract(bytes, DocumentHints.none()).text());
              } catch (VigilException ve) {
                if (ve.getMessage().startsWith("unexpected failure")) {
                  fail("unexpected failure on %s: %s", s, ve.getMessage());
                }
                assertThat(REFUSALS).as(ve.getMessage()).contains(ve.code());
              }
            });
  }
}
