package org.vigil.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.BackupCipher;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.search.SearchHit;
import org.vigil.search.SearchQuery;

class BackupRoundTripTest {
  static final BackupCipher.KdfParams FAST = new BackupCipher.KdfParams(1024, 1, 1);
  static final char[] PASS = "a long backup passphrase".toCharArray();
  static final List<String> QUERIES = List.of("police", "station", "警务", "association");

  @TempDir Path tmp;
  Path data;
  Path file;

  @BeforeEach
  void fill() {
    data = tmp.resolve("data");
    file = tmp.resolve("vigil.backup");
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      vigil
          .ingest()
          .ingest(List.of("samples"), IngestOptions.defaults(), new IngestService.Listener() {});
      List<ProposalRecord> open = vigil.review().list(ProposalFilter.open());
      assertThat(open).hasSizeGreaterThan(6);
      for (int i = 0; i < 6; i++) {
        ProposalRecord p = open.get(i);
        if (i % 3 == 2) {
          vigil.review().reject(p.id(), p.version(), "alice", "not what it says");
        } else {
          vigil.review().accept(p.id(), p.version(), "alice", "named in the report");
        }
      }
      assertThat(vigil.auditLog().head().seq()).isPositive();
    }
  }

  BackupReport backup() {
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      return new BackupWriter(vigil, Clock.systemUTC())
          .write(file, PASS, FAST, false, BackupProgress.NONE);
    }
  }

  record State(long sources, String head, List<List<String>> hits) {}

  static State state(Path dir) {
    try (Vigil vigil = Vigil.open(new VigilConfig(dir))) {
      return new State(
          vigil.sources().count(),
          vigil.auditLog().head().toString(),
          QUERIES.stream()
              .map(
                  q ->
                      vigil.index().search(SearchQuery.of(q)).hits().stream()
                          .map(SearchHit::id)
                          .toList())
              .toList());
    }
  }

  @Test
  void aRestoredFolderHasTheSameSourcesSearchesAndAuditChainAndVerifies() {
    State before = state(data);
    BackupReport r = backup();
    assertThat(r.manifest().counts().sources()).isEqualTo(before.sources());
    assertThat(r.manifest().auditHead()).isEqualTo(before.head());
    assertThat(r.manifest().entries())
        .extracting(BackupManifest.Entry::path)
        .contains(BackupWriter.STORE_ENTRY)
        .anyMatch(p -> p.startsWith("archive/"))
        .anyMatch(p -> p.startsWith("index/segments_"));
    assertThat(file.resolveSibling("vigil.backup.partial")).doesNotExist();
    assertThat(data.resolve(BackupWriter.STAGING)).doesNotExist();

    Path fresh = tmp.resolve("elsewhere").resolve("data");
    RestoreReport restored = BackupRestorer.restore(file, fresh, PASS, false, BackupProgress.NONE);
    assertThat(restored.archiveVerified()).isTrue();
    assertThat(restored.auditVerified()).isTrue();
    assertThat(restored.reindexed()).isZero(); // the index came back whole
    State after = state(fresh);
    assertThat(after).isEqualTo(before);
    assertThat(after.hits().get(0)).isNotEmpty();
    try (Vigil vigil = Vigil.open(new VigilConfig(fresh))) {
      assertThat(vigil.archiveVerifier().verify().passed()).isTrue();
      assertThat(vigil.auditLog().verify().passed()).isTrue();
      assertThat(vigil.records().count()).isPositive();
    }
    // no staging folder is left beside the target
    assertThat(tmp.resolve("elsewhere").toFile().list()).containsExactly("data");
  }

  @Test
  void aWrongPassphraseIsRefusedAndNothingIsWritten() {
    backup();
    Path fresh = tmp.resolve("fresh");
    assertThatThrownBy(
            () ->
                BackupRestorer.restore(
                    file, fresh, "another passphrase".toCharArray(), false, BackupProgress.NONE))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSPHRASE));
    assertThat(fresh).doesNotExist();
    assertThat(tmp.toFile().list()).containsExactlyInAnyOrder("data", "vigil.backup");
  }

  @Test
  void anAlteredOrTruncatedBackupIsRefusedAndTheTargetIsLeftAsItWas() throws IOException {
    backup();
    byte[] good = Files.readAllBytes(file);
    Path target = tmp.resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "previous data");

    byte[] altered = good.clone();
    altered[good.length / 2] ^= 0x20;
    Files.write(file, altered);
    assertThatThrownBy(() -> BackupRestorer.restore(file, target, PASS, true, BackupProgress.NONE))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TAMPERED));

    Files.write(file, Arrays.copyOf(good, good.length - 100));
    assertThatThrownBy(() -> BackupRestorer.restore(file, target, PASS, true, BackupProgress.NONE))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TAMPERED);
              assertThat(e.getMessage()).contains("truncated");
            });

    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("previous data");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("data", "vigil.backup", "target");
    }
  }

  @Test
  void aNonEmptyTargetIsReplacedOnlyWithForce() throws IOException {
    backup();
    Path target = tmp.resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "previous data");
    assertThatThrownBy(() -> BackupRestorer.restore(file, target, PASS, false, BackupProgress.NONE))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("not empty").contains("--force");
            });
    assertThat(target.resolve("keep.txt")).exists();

    BackupRestorer.restore(file, target, PASS, true, BackupProgress.NONE);
    assertThat(target.resolve("keep.txt")).doesNotExist();
    assertThat(state(target)).isEqualTo(state(data));
  }

  @Test
  void anExistingBackupFileIsReplacedOnlyWhenAsked() throws IOException {
    Files.writeString(file, "an older file");
    assertThatThrownBy(this::backup)
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    assertThat(Files.readString(file)).isEqualTo("an older file");
  }

  @Test
  void aLeftoverPartialFileFromAKilledBackupIsReplaced() throws IOException {
    Path partial = tmp.resolve("vigil.backup.partial");
    Files.writeString(partial, "half a backup");
    Files.createDirectories(data.resolve(BackupWriter.STAGING));
    Files.writeString(data.resolve(BackupWriter.STAGING).resolve("vigil-old.db"), "stale");
    backup();
    assertThat(partial).doesNotExist();
    assertThat(data.resolve(BackupWriter.STAGING)).doesNotExist();
    assertThat(
            BackupRestorer.restore(file, tmp.resolve("r"), PASS, false, BackupProgress.NONE)
                .sources())
        .isEqualTo(state(data).sources());
  }

  @Test
  void restoreReconcilesAnIndexCopiedAheadOrBehindTheStore() {
    backup();
    Path fresh = tmp.resolve("fresh");
    BackupRestorer.restore(file, fresh, PASS, false, BackupProgress.NONE);
    try (Vigil vigil = Vigil.open(new VigilConfig(fresh))) {
      // the index lacks one source and has one the store does not know
      String first = vigil.sources().ids().first();
      vigil.index().delete(List.of(first));
      vigil
          .index()
          .upsert(
              new org.vigil.search.IndexedSource(
                  "ffffffffffffffff",
                  "ghost",
                  "a source the store never had",
                  "a source the store never had",
                  "en",
                  new org.vigil.search.IndexedSource.SourceFacets(null, null, null)));
      vigil.index().commit();
      assertThat(vigil.index().ids()).doesNotContain(first).contains("ffffffffffffffff");

      assertThat(BackupRestorer.reconcileIndex(vigil)).isEqualTo(1);
      assertThat(vigil.index().ids()).isEqualTo(vigil.sources().ids());
    }
  }
}
