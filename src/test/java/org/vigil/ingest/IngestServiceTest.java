package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.ContentHash;
import org.vigil.core.ErrorCode;
import org.vigil.search.SearchQuery;
import org.vigil.testing.Pages;

class IngestServiceTest {
  @TempDir Path data;
  @TempDir Path in;
  Vigil vigil;

  @BeforeEach
  void open() {
    vigil = Vigil.open(new VigilConfig(data));
  }

  @AfterEach
  void close() {
    vigil.close();
  }

  IngestSummary ingest(List<ItemResult> items, String... inputs) {
    return vigil
        .ingest()
        .ingest(
            List.of(inputs),
            IngestOptions.defaults(),
            new IngestService.Listener() {
              @Override
              public void item(ItemResult r) {
                items.add(r);
              }
            });
  }

  @Test
  void capturesAFolderAndReportsIdenticalBytesAsUnchanged() throws IOException {
    Pages.write(
        in,
        "a/harbour.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    Pages.write(in, "b/zh.html", Pages.page("环球侨报", "海外警务服务站调查", "2022-11-03", Pages.STORY_ZH));
    Pages.write(in, ".DS_Store", "junk");
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    IngestSummary first = ingest(items, in.toString());
    assertThat(first.captured()).isEqualTo(2);
    assertThat(first.failed()).isZero();
    assertThat(vigil.sources().count()).isEqualTo(2);

    IngestSummary again = ingest(items, in.toString());
    assertThat(again.captured()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(vigil.sources().count()).isEqualTo(2);
    assertThat(vigil.archiveVerifier().verify().passed()).isTrue();
  }

  @Test
  void originalIsArchivedByteExactWithCaptureMetadata() throws IOException {
    Path page =
        Pages.write(
            in,
            "p.html",
            Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    List<ItemResult> items = new ArrayList<>();
    ingest(items, page.toString());
    String id = items.get(0).sourceId();
    byte[] bytes = Files.readAllBytes(page);
    ContentHash hash = ContentHash.of(bytes);
    assertThat(id).isEqualTo(hash.sourceId());
    assertThat(vigil.archive().read(hash)).isEqualTo(bytes);
    var source = vigil.sources().find(id).orElseThrow();
    assertThat(source.metadata().publisher()).isEqualTo("Harbour Gazette");
    assertThat(source.content().language()).isEqualTo("en");
    assertThat(source.content().text())
        .contains("hometown association")
        .doesNotContain("Advertisement");
    var capture = vigil.sources().captures(id).get(0);
    assertThat(capture.origin().value()).isEqualTo(page.toAbsolutePath().toString());
    assertThat(capture.size()).isEqualTo(bytes.length);
    assertThat(capture.mediaType()).contains("html");
  }

  @Test
  void syndicatedCopyJoinsTheStoryCluster() throws IOException {
    Pages.write(
        in,
        "1.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    Pages.write(
        in,
        "2.html",
        Pages.page(
            "Lowlands Daily Wire",
            "Inquiry into police station",
            "2022-10-28",
            Pages.STORY_EN.replace("on Tuesday", "this week")
                + "<p>This story has been updated.</p>"));
    Pages.write(
        in,
        "3.html",
        Pages.page(
            "Other Times",
            "Council budget",
            "2022-10-28",
            "<p>The city council approved a new budget for road repairs and two libraries after a long debate"
                + " about parking fees, bus lanes and the opening hours of swimming pools in summer.</p>"));
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    IngestSummary s = ingest(items, in.toString());
    assertThat(s.captured()).isEqualTo(3);
    assertThat(s.duplicates()).isEqualTo(1);
    var clusters = vigil.sources().duplicateClusters();
    assertThat(clusters).hasSize(1);
    assertThat(clusters.values().iterator().next())
        .extracting(x -> x.publisher())
        .containsExactlyInAnyOrder("Harbour Gazette", "Lowlands Daily Wire");
  }

  @Test
  void traditionalAndSimplifiedCopiesClusterAndSearchInEitherScript() throws IOException {
    Pages.write(in, "s.html", Pages.page("环球侨报", "海外警务服务站调查", "2022-11-03", Pages.STORY_ZH));
    Pages.write(
        in,
        "t.html",
        Pages.page(
            "港灣時報",
            "海外警務服務站調查",
            "2022-11-04",
            Pages.STORY_ZH
                .replace("据当地媒体报道", "據當地媒體報道")
                .replace("警务服务站", "警務服務站")
                .replace("同乡会", "同鄉會")
                .replace("调查", "調查")
                .replace("劝返", "勸返")
                .replace("国家", "國家")));
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    ingest(items, in.toString());
    assertThat(vigil.sources().duplicateClusters()).hasSize(1);
    assertThat(vigil.index().search(SearchQuery.of("警務服務站")).total()).isEqualTo(2);
    assertThat(vigil.index().search(SearchQuery.of("警务服务站")).total()).isEqualTo(2);
  }

  @Test
  void aBadFileFailsAloneWithASpecificError() throws IOException {
    Pages.write(
        in,
        "good.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    byte[] junk = new byte[4096];
    new java.util.Random(1).nextBytes(junk);
    Files.write(in.resolve("fake.pdf"), junk);
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    IngestSummary s = ingest(items, in.toString(), in.resolve("missing.html").toString());
    assertThat(s.captured()).isEqualTo(1);
    assertThat(s.failures())
        .extracting(f -> f.error().code())
        .containsExactlyInAnyOrder(
            ErrorCode.EMPTY_DOCUMENT, ErrorCode.UNREADABLE_FILE, ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(s.failures()).allSatisfy(f -> assertThat(f.error().message()).isNotBlank());
    assertThat(vigil.sources().count()).isEqualTo(1);
    assertThat(vigil.ingestLog().run(s.runId())).hasSize(items.size());
  }

  @Test
  void filesOverTheSizeCapFailWithTooLarge() throws IOException {
    Path page =
        Pages.write(
            in,
            "p.html",
            Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    IngestSummary s =
        vigil
            .ingest()
            .ingest(
                List.of(page.toString()),
                new IngestOptions(100, false, 1),
                new IngestService.Listener() {});
    assertThat(s.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.error().code()).isEqualTo(ErrorCode.TOO_LARGE));
    assertThat(vigil.sources().count()).isZero();
  }

  @Test
  void anOriginalArchivedBeforeACrashIsAdoptedByTheRerun() throws IOException {
    Path page =
        Pages.write(
            in,
            "p.html",
            Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    vigil.archive().store(Files.readAllBytes(page)); // killed after the archive write
    IngestSummary s = ingest(new ArrayList<>(), page.toString());
    assertThat(s.captured()).isEqualTo(1);
    assertThat(vigil.archiveVerifier().verify().passed()).isTrue();
  }

  @Test
  void sourcesTheIndexMissedAreIndexedOnTheNextRun() throws IOException {
    Pages.write(
        in,
        "p.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    ingest(new ArrayList<>(), in.toString());
    vigil.index().clear();
    vigil.index().commit();
    vigil.sources().markAllUnindexed(); // as if killed before the index commit
    assertThat(vigil.index().search(SearchQuery.of("hometown")).total()).isZero();
    assertThat(vigil.ingest().catchUpIndex()).isEqualTo(1);
    assertThat(vigil.index().search(SearchQuery.of("hometown")).total()).isEqualTo(1);
  }

  @Test
  void reindexRebuildsTheIndexFromTheStore() throws IOException {
    Pages.write(
        in,
        "p.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    ingest(new ArrayList<>(), in.toString());
    assertThat(vigil.ingest().reindex()).isEqualTo(1);
    assertThat(vigil.index().count()).isEqualTo(1);
    assertThat(vigil.index().search(SearchQuery.of("stations")).total()).isEqualTo(1);
  }

  @Test
  void missingAndAlteredOriginalsAreReported() throws IOException {
    Pages.write(
        in,
        "1.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    Pages.write(in, "2.html", Pages.page("环球侨报", "海外警务服务站调查", "2022-11-03", Pages.STORY_ZH));
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    ingest(items, in.toString());
    List<ContentHash> hashes = new ArrayList<>();
    vigil.sources().forEachHash(hashes::add);
    Path altered = vigil.archive().pathOf(hashes.get(0));
    altered.toFile().setWritable(true);
    Files.writeString(altered, "tampered");
    Files.delete(vigil.archive().pathOf(hashes.get(1)));
    var report = vigil.archiveVerifier().verify();
    assertThat(report.passed()).isFalse();
    assertThat(report.problems())
        .extracting(p -> p.check().name())
        .containsExactlyInAnyOrder("ALTERED", "MISSING");
  }

  @Test
  void uploadsAreLabelledAndRecordedByTheirSentNameNotTheirTemporaryPath() throws IOException {
    Path tmp =
        Pages.write(
            in,
            "7.upload",
            Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    Path empty = in.resolve("8.upload");
    Files.write(empty, new byte[0]);
    List<ItemResult> items = Collections.synchronizedList(new ArrayList<>());
    IngestSummary s =
        vigil
            .ingest()
            .ingestUploads(
                List.of(
                    new IngestService.Upload(tmp, "inquiry.html"),
                    new IngestService.Upload(empty, "blank.txt")),
                IngestOptions.defaults(),
                new IngestService.Listener() {
                  @Override
                  public void item(ItemResult r) {
                    items.add(r);
                  }
                });
    assertThat(s.captured()).isEqualTo(1);
    assertThat(s.failed()).isEqualTo(1);
    ItemResult ok = items.stream().filter(r -> r.sourceId() != null).findFirst().orElseThrow();
    assertThat(ok.input()).isEqualTo("inquiry.html");
    var capture = vigil.sources().captures(ok.sourceId()).get(0);
    assertThat(capture.origin().value()).isEqualTo("upload:inquiry.html");
    // the name's extension told the extractor the format
    assertThat(capture.mediaType()).startsWith("text/html");
    assertThat(items).anySatisfy(r -> assertThat(r.input()).isEqualTo("blank.txt"));
  }

  @Test
  void anUploadNameWithAFolderIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new IngestService.Upload(in.resolve("x"), "../x.html"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
