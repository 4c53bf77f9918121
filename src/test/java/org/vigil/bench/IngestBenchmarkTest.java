package org.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small smoke run of {@code vigil bench ingest}: the figures exist and are sane. */
class IngestBenchmarkTest {
  @TempDir Path work;

  @Test
  void smallRunReportsBothThroughputsTheRatioAndFindsTheSyndicatedCopies() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    IngestBenchmark.Report r =
        IngestBenchmark.run(200, work, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String printed = buf.toString(StandardCharsets.UTF_8);

    assertThat(r.sourcesStored()).isEqualTo(200);
    assertThat(r.pipeline().docsPerSecond()).isPositive();
    assertThat(r.baseline().docsPerSecond()).isPositive();
    assertThat(r.ratio()).isEqualTo(r.pipeline().docsPerSecond() / r.baseline().docsPerSecond());
    assertThat(r.pipeline().bytes()).isEqualTo(r.baseline().bytes()).isPositive();
    // every syndicated copy's story forms a cluster (a story may have several copies)
    assertThat(r.storiesWithCopies()).isPositive();
    assertThat(r.storiesFullyClustered()).isEqualTo(r.storiesWithCopies());
    assertThat(r.pureClusters()).isEqualTo(r.clustersFound());
    assertThat(printed)
        .contains("full pipeline")
        .contains("baseline (jsoup + Lucene)")
        .contains("ratio pipeline/baseline")
        .contains("recall");
  }
}
