package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index whose writer process died without closing opens again with its last commit. */
class KilledWriterTest {
  @TempDir Path dir;

  /** Run in a child JVM: commits two sources, buffers a third, then dies without closing. */
  public static void main(String[] args) {
    SourceIndex index = SourceIndex.open(Path.of(args[0]));
    for (String id : new String[] {"a", "b"}) {
      index.upsert(source(id));
    }
    index.commit();
    index.upsert(source("uncommitted"));
    Runtime.getRuntime().halt(0);
  }

  private static IndexedSource source(String id) {
    return new IndexedSource(
        id,
        "t",
        "police station",
        "police station",
        "en",
        new IndexedSource.SourceFacets("p", LocalDate.of(2022, 1, 1), null));
  }

  @Test
  void indexLeftByAKilledWriterOpensWithItsLastCommit() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriterTest.class.getName(),
                dir.toString())
            .inheritIO()
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(dir.resolve("write.lock"))).isTrue();

    try (SourceIndex index = SourceIndex.open(dir)) {
      assertThat(index.count()).isEqualTo(2);
      index.upsert(source("c"));
      index.commit();
      assertThat(index.count()).isEqualTo(3);
    }
  }
}
