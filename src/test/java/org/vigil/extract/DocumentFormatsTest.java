package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/** PDF, DOCX and ODT through Tika, including the ways they go wrong. */
class DocumentFormatsTest {
  private static final Extractors EXTRACTORS = Extractors.standard(ExtractionLimits.defaults());

  @Test
  void extractsTextAndMetadataFromAPdf() {
    Extraction x =
        EXTRACTORS.extract(
            TestDocuments.pdf(TestDocuments.REPORT, false), DocumentHints.ofFileName("r.pdf"));
    assertThat(x.mediaType()).isEqualTo("application/pdf");
    assertThat(x.text()).contains("operated from the premises of a hometown association");
    assertThat(x.metadata().title()).isEqualTo("Council inquiry findings");
    assertThat(x.metadata().author()).isEqualTo("Inquiry Secretariat");
    assertThat(x.metadata().published()).isEqualTo(LocalDate.of(2023, 5, 12));
    assertThat(x.language()).isEqualTo("en");
  }

  @Test
  void refusesAnEncryptedPdf() {
    assertFails(
        TestDocuments.pdf(TestDocuments.REPORT, true), "r.pdf", ErrorCode.ENCRYPTED_DOCUMENT);
  }

  @Test
  void refusesATruncatedPdf() {
    byte[] full = TestDocuments.pdf(TestDocuments.REPORT, false);
    byte[] cut = Arrays.copyOf(full, full.length * 6 / 10);
    assertThatThrownBy(() -> EXTRACTORS.extract(cut, DocumentHints.ofFileName("r.pdf")))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isIn(ErrorCode.TRUNCATED_DOCUMENT, ErrorCode.CORRUPT_DOCUMENT);
              assertThat(e.getMessage()).containsIgnoringCase("truncated");
            });
  }

  @Test
  void saysSoWhenAPdfHasNoText() {
    assertFails(TestDocuments.pdf(List.of(), false), "scan.pdf", ErrorCode.NO_TEXT);
  }

  @Test
  void extractsADocx() {
    Extraction x =
        EXTRACTORS.extract(
            TestDocuments.docx(TestDocuments.REPORT), DocumentHints.ofFileName("w.docx"));
    assertThat(x.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(x.text().split("\n\n")).hasSize(3);
    assertThat(x.text()).contains("asked to report on relatives abroad");
    assertThat(x.metadata().title()).isEqualTo("Witness statement summary");
    assertThat(x.metadata().author()).isEqualTo("Case Team");
  }

  @Test
  void extractsAnOdtInChinese() {
    List<String> paragraphs =
        List.of("社区会议纪要", "会上有居民反映，有人自称国内警方人员，要求他们提供在海外亲属的住址。", "理事会决定向当地警方报案，并提醒会员注意个人信息安全。");
    Extraction x =
        EXTRACTORS.extract(TestDocuments.odt(paragraphs), DocumentHints.ofFileName("m.odt"));
    assertThat(x.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(x.text()).contains("要求他们提供在海外亲属的住址");
    assertThat(x.metadata().title()).isEqualTo("社区会议纪要");
    assertThat(x.metadata().author()).isEqualTo("秘书处");
    assertThat(x.metadata().published()).isEqualTo(LocalDate.of(2023, 6, 1));
    assertThat(x.language()).isEqualTo("zh-Hans");
  }

  static void assertFails(byte[] bytes, String name, ErrorCode code) {
    assertFailsWith(EXTRACTORS, bytes, name, code);
  }

  static void assertFailsWith(Extractors extractors, byte[] bytes, String name, ErrorCode code) {
    assertThatThrownBy(() -> extractors.extract(bytes, DocumentHints.ofFileName(name)))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }
}
