package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.testing.Pages;

/**
 * Kills a real ingest process with SIGKILL part-way through, then checks that the store is
 * consistent and that running the same ingest again completes it.
 */
class IngestKillIT {
  static final int DOCS = 120;

  @TempDir Path data;
  @TempDir Path in;

  @ParameterizedTest(name = "killed after {0} items")
  @ValueSource(ints = {1, 17, 60})
  void aKilledIngestLeavesAConsistentStoreAndARerunCompletesIt(int killAfter) throws Exception {
    for (int i = 0; i < DOCS; i++) {
      // distinct stories: each page has its own numbered paragraphs
      StringBuilder body = new StringBuilder();
      for (int p = 0; p < 6; p++) {
        body.append("<p>Report ")
            .append(i)
            .append(" paragraph ")
            .append(p)
            .append(": investigators in city number ")
            .append(i * 31 + p)
            .append(" reviewed filing ")
            .append(i * 7919 + p * 104729)
            .append(" about an association office and a county bureau.</p>");
      }
      Pages.write(
          in,
          "doc-" + i + ".html",
          Pages.page("Gazette " + (i % 5), "Report " + i, "2022-10-27", body.toString()));
    }
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.vigil.cli.Main",
                "ingest",
                "--json",
                "--data",
                data.toString(),
                in.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int seen = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      while (seen < killAfter && r.readLine() != null) {
        seen++;
      }
      child.destroyForcibly(); // SIGKILL on Unix
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen).isEqualTo(killAfter);

    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      long before = vigil.sources().count();
      assertThat(before).isBetween((long) killAfter, (long) DOCS);
      assertThat(vigil.archiveVerifier().verify().passed()).isTrue();

      IngestSummary rerun =
          vigil
              .ingest()
              .ingest(
                  List.of(in.toString()),
                  IngestOptions.defaults(),
                  new IngestService.Listener() {});
      assertThat(rerun.failed()).isZero();
      assertThat(rerun.captured() + rerun.unchanged()).isEqualTo(DOCS);
      assertThat(vigil.sources().count()).isEqualTo(DOCS);
      assertThat(vigil.archiveVerifier().verify().passed()).isTrue();
      assertThat(vigil.sources().unindexedCount()).isZero();
      assertThat(vigil.index().count()).isEqualTo(DOCS);
      vigil
          .sources()
          .forEachHash(h -> assertThat(vigil.sources().captures(h.sourceId())).isNotEmpty());
    }
  }
}
