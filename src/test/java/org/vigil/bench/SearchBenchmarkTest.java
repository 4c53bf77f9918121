package org.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchmarkTest {
  @TempDir Path dir;

  @Test
  void smallRunIndexesEveryDocumentAndReportsSaneFigures() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SearchBenchmark.Report r =
        SearchBenchmark.run(300, dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertThat(r.indexed()).isEqualTo(300);
    assertThat(r.docsPerSecond()).isPositive();
    assertThat(r.indexBytes()).isGreaterThan(300L * 1_000);
    assertThat(r.heapUsedBytes()).isPositive();
    assertThat(r.latencies().keySet())
        .containsExactlyInAnyOrder(
            "english-terms",
            "english-phrases",
            "chinese-words",
            "chinese-phrases",
            "traditional",
            "filtered");
    assertThat(r.overall().queries()).isGreaterThanOrEqualTo(1_000);
    assertThat(r.overall().p50Ms()).isPositive();
    assertThat(r.overall().p95Ms()).isGreaterThanOrEqualTo(r.overall().p50Ms());
    assertThat(r.overall().p99Ms()).isGreaterThanOrEqualTo(r.overall().p95Ms());
    assertThat(r.overall().cpuP99Ms()).isGreaterThanOrEqualTo(r.overall().cpuP50Ms());
    // every kind of query finds something in this corpus, or the mix measures nothing
    r.latencies().forEach((kind, l) -> assertThat(l.meanTotal()).as(kind).isPositive());
    assertThat(r.targetMet()).isFalse(); // 300 sources say nothing about 1,000,000
    assertThat(printed).contains("target p99 ≤ 50 ms at 1,000,000 sources", "docs/s", "overall");
  }

  @Test
  void percentilesUseNearestRank() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = (i + 1) * 1_000_000L;
    }

    assertThat(SearchBenchmark.percentile(sorted, 50)).isEqualTo(50.0);
    assertThat(SearchBenchmark.percentile(sorted, 99)).isEqualTo(99.0);
    assertThat(SearchBenchmark.percentile(new long[] {5_000_000L}, 99)).isEqualTo(5.0);
    assertThat(SearchBenchmark.latency(List.of()).p99Ms()).isZero();
  }
}
