package org.vigil.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.ContentHash;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class SourceStoreTest {
  @TempDir Path dir;
  Database db;
  SourceStore store;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    store = new SourceStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static SourceRecord source(String body, String cluster) {
    ContentHash h = ContentHash.of(body.getBytes(StandardCharsets.UTF_8));
    return new SourceRecord(
        new OriginalRef(h, "text/html", body.length()),
        new DocumentMetadata(
            "Title " + body, "A. Writer", "Example News", LocalDate.of(2022, 9, 12), null),
        new SourceContent("en", body, body, List.of()),
        cluster.isEmpty() ? h.sourceId() : cluster,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  static CaptureRecord capture(SourceRecord s, String origin) {
    return new CaptureRecord(
        s.id(),
        new CaptureRecord.Origin(CaptureRecord.Origin.Kind.FILE, origin),
        Instant.parse("2026-01-01T00:00:00Z"),
        "text/html",
        10,
        null);
  }

  static DedupKeys keys(String textHash, long... bands) {
    return new DedupKeys(textHash, new long[] {1, 2, 3}, bands);
  }

  @Test
  void insertedSourceIsFoundByHashIdAndPrefix() {
    SourceRecord s = source("one", "");
    store.insert(s, capture(s, "/tmp/one.html"), keys("t1", 11, 12));
    assertThat(store.findByHash(s.original().hash())).contains(s);
    assertThat(store.find(s.id())).contains(s);
    assertThat(store.find(s.id().substring(0, 6))).contains(s);
    assertThat(store.find(s.original().hash().hex())).contains(s);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void prefixMatchingTwoSourcesIsAmbiguous() {
    // find two bodies whose ids share their first 4 hex digits (birthday bound: a few hundred)
    Map<String, String> byPrefix = new java.util.HashMap<>();
    String[] pair = null;
    for (int i = 0; pair == null; i++) {
      String body = "doc " + i;
      String prefix =
          ContentHash.of(body.getBytes(StandardCharsets.UTF_8)).sourceId().substring(0, 4);
      String earlier = byPrefix.putIfAbsent(prefix, body);
      if (earlier != null) {
        pair = new String[] {earlier, body, prefix};
      }
    }
    SourceRecord a = source(pair[0], "");
    SourceRecord b = source(pair[1], "");
    store.insert(a, capture(a, "/a"), keys("ta"));
    store.insert(b, capture(b, "/b"), keys("tb"));
    String prefix = pair[2];
    assertThatThrownBy(() -> store.find(prefix))
        .isInstanceOf(VigilException.class)
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.AMBIGUOUS_ID);
    assertThat(store.find(a.id())).contains(a);
  }

  @Test
  void badIdIsInvalidInputAndUnknownIdIsEmpty() {
    assertThatThrownBy(() -> store.find("xyz"))
        .isInstanceOf(VigilException.class)
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(store.find("abcdef12")).isEmpty();
  }

  @Test
  void captureOfTheSameOriginIsRecordedOnce() {
    SourceRecord s = source("one", "");
    store.insert(s, capture(s, "/a"), keys("t1"));
    assertThat(store.addCapture(capture(s, "/a"))).isFalse();
    assertThat(store.addCapture(capture(s, "/b"))).isTrue();
    assertThat(store.captures(s.id()))
        .extracting(c -> c.origin().value())
        .containsExactly("/a", "/b");
  }

  @Test
  void httpCaptureRoundTrips() {
    SourceRecord s = source("web", "");
    CaptureRecord c =
        new CaptureRecord(
            s.id(),
            new CaptureRecord.Origin(CaptureRecord.Origin.Kind.URL, "http://example.org/a"),
            Instant.parse("2026-01-02T03:04:05Z"),
            "text/html",
            3,
            new CaptureRecord.HttpCapture(
                200,
                Map.of("content-type", List.of("text/html")),
                "http://example.org/b",
                List.of("http://example.org/a")));
    store.insert(s, c, keys("tw"));
    assertThat(store.captures(s.id())).containsExactly(c);
  }

  @Test
  void lshCandidatesRankBySharedBands() {
    SourceRecord a = source("a", "");
    SourceRecord b = source("b", "");
    store.insert(a, capture(a, "/a"), keys("ta", 1, 2, 3));
    store.insert(b, capture(b, "/b"), keys("tb", 3, 4, 5));
    assertThat(store.lshCandidates(new long[] {3, 4}, 10)).containsExactly(b.id(), a.id());
    assertThat(store.lshCandidates(new long[] {9}, 10)).isEmpty();
    assertThat(store.signatures(List.of(a.id()))).containsOnlyKeys(a.id());
  }

  @Test
  void mergingClustersMovesEveryMember() {
    SourceRecord a = source("a", "");
    SourceRecord b = source("b", "");
    SourceRecord c = source("c", b.id());
    store.insert(a, capture(a, "/a"), keys("ta"));
    store.insert(b, capture(b, "/b"), keys("tb"));
    store.insert(c, capture(c, "/c"), keys("tc"));
    store.mergeClusters(a.id(), List.of(a.id(), b.id()));
    assertThat(store.clusterMembers(a.id())).hasSize(3);
    assertThat(store.duplicateClusters()).containsOnlyKeys(a.id());
    assertThat(store.clusterOf(c.id())).contains(a.id());
    assertThat(store.clusterOf(a.id())).contains(a.id());
    assertThat(store.clusterOf(c.id().substring(0, 8))).isEmpty(); // exact ids only
    assertThat(store.clusterOf("not-a-source")).isEmpty();
  }

  @Test
  void failedTransactionLeavesNothing() {
    SourceRecord a = source("a", "");
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    () -> {
                      store.insert(a, capture(a, "/a"), keys("ta", 1));
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.count()).isZero();
    assertThat(store.lshCandidates(new long[] {1}, 10)).isEmpty();
  }

  @Test
  void duplicateHashInsertIsAStoreFailureAndKeepsTheFirst() {
    SourceRecord a = source("a", "");
    store.insert(a, capture(a, "/a"), keys("ta"));
    assertThatThrownBy(() -> store.insert(a, capture(a, "/b"), keys("ta")))
        .isInstanceOf(VigilException.class);
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.captures(a.id())).hasSize(1);
  }

  @Test
  void indexBookkeepingTracksUnindexedSources() {
    SourceRecord a = source("a", "");
    store.insert(a, capture(a, "/a"), keys("ta"));
    assertThat(store.unindexed(10)).containsExactly(a);
    store.markIndexed(List.of(a.id()));
    assertThat(store.unindexedCount()).isZero();
    store.markAllUnindexed();
    assertThat(store.unindexedCount()).isEqualTo(1);
  }

  @Test
  void reopeningKeepsData() {
    SourceRecord a = source("a", "");
    store.insert(a, capture(a, "/a"), keys("ta"));
    db.close();
    db = Database.openSqlite(dir.resolve("vigil.db"));
    store = new SourceStore(db);
    assertThat(store.find(a.id())).contains(a);
  }

  @Test
  void recentListsTheLatestCapturesFirstInPages() {
    String[] bodies = {"first", "second", "third"};
    for (int i = 0; i < bodies.length; i++) {
      SourceRecord base = source(bodies[i], "");
      SourceRecord s =
          new SourceRecord(
              base.original(),
              base.metadata(),
              base.content(),
              base.clusterId(),
              Instant.parse("2026-01-0" + (i + 1) + "T00:00:00Z"));
      store.insert(s, capture(s, "/" + bodies[i]), keys("t" + i));
    }
    assertThat(store.recent(2, 0))
        .extracting(SourceSummary::title)
        .containsExactly("Title third", "Title second");
    assertThat(store.recent(2, 2)).extracting(SourceSummary::title).containsExactly("Title first");
    assertThat(store.recent(2, 3)).isEmpty();
    assertThatThrownBy(() -> store.recent(0, 0)).isInstanceOf(VigilException.class);
  }
}
