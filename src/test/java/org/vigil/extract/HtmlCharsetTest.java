package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** BOM, then the declared (HTTP) charset, then {@code <meta charset>}, then detection. */
class HtmlCharsetTest {
  private static final Extractors EXTRACTORS = Extractors.standard(ExtractionLimits.defaults());
  private static final String BODY =
      "<p>同乡会负责人表示，办公室只是帮助年长会员在线办理驾照更新等手续，与中国警方没有任何关系。</p>"
          + "<p>荷兰司法部表示，调查仍处于初步阶段，不便对具体案件发表评论。</p>";

  private static byte[] page(String meta, Charset cs) {
    return ("<html><head>" + meta + "<title>调查</title></head><body>" + BODY + "</body></html>")
        .getBytes(cs);
  }

  @Test
  void followsTheMetaCharset() {
    Extraction x =
        EXTRACTORS.extract(
            page("<meta charset=\"gbk\">", Charset.forName("GBK")), DocumentHints.none());
    assertThat(x.text()).contains("与中国警方没有任何关系");
  }

  @Test
  void theDeclaredCharsetWinsOverAWrongMeta() {
    Extraction x =
        EXTRACTORS.extract(
            page("<meta charset=\"iso-8859-1\">", Charset.forName("GB18030")),
            new DocumentHints("p.html", "text/html", "GB18030", null));
    assertThat(x.text()).contains("与中国警方没有任何关系");
  }

  @Test
  void theByteOrderMarkWinsOverEverything() {
    byte[] body = page("<meta charset=\"big5\">", StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Extraction x =
        EXTRACTORS.extract(withBom, new DocumentHints("p.html", null, "windows-1252", null));
    assertThat(x.text()).contains("与中国警方没有任何关系");
    assertThat(x.language()).isEqualTo("zh-Hans");
  }

  @Test
  void detectsAnUnlabelledLegacyPage() {
    Extraction x = EXTRACTORS.extract(page("", Charset.forName("GB18030")), DocumentHints.none());
    assertThat(x.text()).contains("与中国警方没有任何关系");
  }

  @Test
  void readsWindows1252Quotes() {
    byte[] bytes =
        ("<html><head><meta charset=\"iso-8859-1\"></head><body><p>The association\u2019s"
                + " chairman said the office was \u201cjust a help desk\u201d for elderly members"
                + " who needed paperwork done.</p></body></html>")
            .getBytes(Charset.forName("windows-1252"));
    Extraction x = EXTRACTORS.extract(bytes, DocumentHints.ofFileName("p.html"));
    assertThat(x.text())
        .contains("association\u2019s chairman")
        .contains("\u201cjust a help desk\u201d");
  }
}
