package org.vigil.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.ContentHash;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class ArchiveTest {
  @TempDir Path dir;

  @Test
  void roundTripsBytesExactlyUnderPrefixFolders() throws IOException {
    Archive archive = Archive.open(dir.resolve("a"));
    byte[] bytes = new byte[200_000];
    new Random(7).nextBytes(bytes);

    StoredOriginal stored = archive.store(new ByteArrayInputStream(bytes), 1_000_000);

    assertThat(stored.created()).isTrue();
    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(stored.hash()).isEqualTo(ContentHash.of(bytes));
    String hex = stored.hash().hex();
    assertThat(archive.pathOf(stored.hash()))
        .isEqualTo(
            archive.root().resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex))
        .isRegularFile();
    assertThat(archive.read(stored.hash())).isEqualTo(bytes);
    assertThat(archive.contains(stored.hash())).isTrue();
    assertThat(archive.check(stored.hash())).isEqualTo(ArchiveCheck.OK);
    // permission bits, not Files.isWritable: tests may run as root, who may write anyway
    if (Files.getFileStore(archive.root()).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(archive.pathOf(stored.hash())))
          .doesNotContain(
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.GROUP_WRITE,
              PosixFilePermission.OTHERS_WRITE);
    }
  }

  @Test
  void storesEmptyAndChineseOriginals() {
    Archive archive = Archive.open(dir);
    byte[] chinese = "海外警务服务站".getBytes(StandardCharsets.UTF_8);
    assertThat(archive.read(archive.store(chinese).hash())).isEqualTo(chinese);
    assertThat(archive.read(archive.store(new byte[0]).hash())).isEmpty();
  }

  @Test
  void identicalBytesTwiceAreStoredOnce() throws IOException {
    Archive archive = Archive.open(dir);
    byte[] bytes = "same evidence".getBytes(StandardCharsets.UTF_8);

    StoredOriginal first = archive.store(bytes);
    StoredOriginal second = archive.store(bytes);

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.hash()).isEqualTo(first.hash());
    assertThat(originals(archive)).containsExactly(archive.pathOf(first.hash()));
    assertThat(tmpFiles(archive)).isEmpty();
  }

  @Test
  void tooLargeLeavesNothingBehind() throws IOException {
    Archive archive = Archive.open(dir);

    assertThatThrownBy(() -> archive.store(new ByteArrayInputStream(new byte[1001]), 1000))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));

    assertThat(originals(archive)).isEmpty();
    assertThat(tmpFiles(archive)).isEmpty();
    assertThat(archive.store(new ByteArrayInputStream(new byte[1000]), 1000).size())
        .isEqualTo(1000);
  }

  @Test
  void failingSourceLeavesNothingBehind() throws IOException {
    Archive archive = Archive.open(dir);
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> archive.store(broken, 1000))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_FAILURE);
              assertThat(e.getMessage()).contains("connection reset");
            });
    assertThat(tmpFiles(archive)).isEmpty();
  }

  @Test
  void detectsAlteredOriginal() throws IOException {
    Archive archive = Archive.open(dir);
    StoredOriginal stored = archive.store("original text".getBytes(StandardCharsets.UTF_8));
    Path path = archive.pathOf(stored.hash());
    path.toFile().setWritable(true);
    Files.writeString(path, "tampered text");

    assertThat(archive.check(stored.hash())).isEqualTo(ArchiveCheck.ALTERED);
  }

  @Test
  void detectsMissingOriginal() throws IOException {
    Archive archive = Archive.open(dir);
    StoredOriginal stored = archive.store("to be lost".getBytes(StandardCharsets.UTF_8));
    Files.delete(archive.pathOf(stored.hash()));

    assertThat(archive.check(stored.hash())).isEqualTo(ArchiveCheck.MISSING);
    assertThat(archive.contains(stored.hash())).isFalse();
    assertThatThrownBy(() -> archive.read(stored.hash()))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void openDeletesLeftoverTemporaryFiles() throws IOException {
    Archive.open(dir);
    Path leftover = dir.resolve("tmp").resolve("store-123.part");
    Files.write(leftover, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(
        leftover,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(2))));

    Archive.open(dir);

    assertThat(leftover).doesNotExist();
  }

  @Test
  void openKeepsATemporaryFileAnotherLiveProcessIsWriting() throws IOException {
    Archive.open(dir);
    Path inFlight = dir.resolve("tmp").resolve("store-456.part");
    Files.write(inFlight, new byte[] {1, 2, 3});

    Archive.open(dir); // e.g. `vigil backup` starting while an ingest runs

    assertThat(inFlight).exists();
  }

  @Test
  void concurrentStoresOfSameBytesKeepOneFileAndOneCreator() throws Exception {
    Archive archive = Archive.open(dir);
    byte[] bytes = new byte[300_000];
    new Random(11).nextBytes(bytes);
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<StoredOriginal>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return archive.store(new ByteArrayInputStream(bytes), bytes.length);
                }));
      }
      int created = 0;
      for (Future<StoredOriginal> result : results) {
        StoredOriginal stored = result.get();
        assertThat(stored.hash()).isEqualTo(ContentHash.of(bytes));
        created += stored.created() ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(originals(archive)).hasSize(1);
    assertThat(tmpFiles(archive)).isEmpty();
    assertThat(archive.check(ContentHash.of(bytes))).isEqualTo(ArchiveCheck.OK);
  }

  private static List<Path> originals(Archive archive) throws IOException {
    try (Stream<Path> files = Files.walk(archive.root())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getParent().equals(archive.root().resolve("tmp")))
          .toList();
    }
  }

  private static List<Path> tmpFiles(Archive archive) throws IOException {
    try (Stream<Path> files = Files.list(archive.root().resolve("tmp"))) {
      return files.toList();
    }
  }
}
