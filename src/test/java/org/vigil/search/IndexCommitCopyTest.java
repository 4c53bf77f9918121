package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommitCopyTest {
  @TempDir Path dir;

  static long copy(Path from, Path to) {
    return SourceIndex.copyLastCommit(
        from,
        (name, size, in) -> {
          Files.createDirectories(to);
          try (OutputStream out = Files.newOutputStream(to.resolve(name))) {
            assertThat(in.transferTo(out)).isEqualTo(size);
          }
        });
  }

  @Test
  void copiesOnlyTheLastCommitWhileAWriterKeepsWorking() {
    Path live = dir.resolve("live");
    Path copy = dir.resolve("copy");
    try (SourceIndex index = SourceIndex.open(live)) {
      index.upsert(SourceIndexTest.en("aaaaaaaaaaaaaaaa", "first", "committed words"));
      index.commit();
      index.upsert(SourceIndexTest.en("bbbbbbbbbbbbbbbb", "second", "not yet committed"));
      // the writer holds its lock and has uncommitted changes: the copy takes the commit only
      assertThat(copy(live, copy)).isEqualTo(1);
    }
    try (SourceIndex restored = SourceIndex.open(copy)) {
      assertThat(restored.ids()).containsExactly("aaaaaaaaaaaaaaaa");
      assertThat(restored.search(SearchQuery.of("committed")).total()).isEqualTo(1);
    }
  }

  @Test
  void aFolderWithoutAnIndexCopiesNothing() {
    assertThat(copy(dir.resolve("absent"), dir.resolve("copy"))).isZero();
    assertThat(dir.resolve("copy")).doesNotExist();
  }

  @Test
  void idsAndDeleteSeeEveryLiveDocument() {
    try (SourceIndex index = SourceIndex.open(dir.resolve("i"))) {
      index.upsert(SourceIndexTest.en("aaaaaaaaaaaaaaaa", "a", "one"));
      index.upsert(SourceIndexTest.en("bbbbbbbbbbbbbbbb", "b", "two"));
      index.commit();
      index.delete(List.of("aaaaaaaaaaaaaaaa"));
      index.commit();
      assertThat(index.ids()).containsExactly("bbbbbbbbbbbbbbbb");
    }
  }
}
