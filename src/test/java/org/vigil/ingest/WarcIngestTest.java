package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.ErrorCode;
import org.vigil.records.CaptureRecord;

/** Each response or resource record of a WARC file is one item, with its HTTP record kept. */
class WarcIngestTest {
  @TempDir Path data;
  Vigil vigil;

  @BeforeEach
  void open() {
    vigil = Vigil.open(new VigilConfig(data));
  }

  @AfterEach
  void close() {
    vigil.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample.warc", "sample.warc.gz"})
  void everyDocumentRecordBecomesASourceAndA404Fails(String name) {
    Path warc = Path.of("src/test/resources/archive/warc", name);
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    IngestSummary s =
        vigil
            .ingest()
            .ingest(
                List.of(warc.toString()),
                IngestOptions.defaults(),
                new IngestService.Listener() {
                  @Override
                  public void item(ItemResult r) {
                    items.add(r);
                  }
                });
    assertThat(items)
        .extracting(ItemResult::url)
        .contains(
            "https://news.example.org/riverton",
            "file:///notes/riverton-zh.txt",
            "https://news.example.org/gone");
    assertThat(s.failures()).extracting(f -> f.error().code()).contains(ErrorCode.HTTP_ERROR);
    ItemResult page =
        items.stream()
            .filter(i -> "https://news.example.org/riverton".equals(i.url()))
            .findFirst()
            .orElseThrow();
    assertThat(page.status()).isEqualTo(ItemResult.Status.CAPTURED);
    CaptureRecord c = vigil.sources().captures(page.sourceId()).get(0);
    assertThat(c.origin().kind()).isEqualTo(CaptureRecord.Origin.Kind.WARC);
    assertThat(c.origin().value()).startsWith(warc.toAbsolutePath().normalize() + "#urn:uuid:");
    assertThat(c.http().status()).isEqualTo(200);
    assertThat(c.http().finalUrl()).isEqualTo("https://news.example.org/riverton");
    assertThat(vigil.archiveVerifier().verify().passed()).isTrue();
  }
}
