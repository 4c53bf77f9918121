package org.vigil.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.vigil.app.Vigil;
import org.vigil.audit.AuditHead;
import org.vigil.audit.AuditLog;
import org.vigil.core.Checks;
import org.vigil.core.ContentHash;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.BackupCipher;
import org.vigil.records.Database;
import org.vigil.records.SourceStore;
import org.vigil.search.SourceIndex;

/**
 * Writes an encrypted backup of one data folder.
 *
 * <p>Consistency: the store is copied first, in one SQLite read transaction ({@code VACUUM INTO}),
 * so it is exactly the state of one moment, audit log included. Originals are write-once and are
 * stored before the row that names them, so every original the copied store references is already
 * in the archive when the archive is walked next. The index is copied last, from its last commit:
 * every source the store copy marks as indexed was committed before, so it is there (restore
 * removes index documents of sources the store copy does not have and indexes any it lacks).
 *
 * <p>Crash safety: the file is written as {@code FILE.partial}, forced to disk and renamed to
 * {@code FILE}; a killed backup leaves at most a {@code .partial} file (removed by the next run),
 * never a file under the final name. The plain copy of the store is staged inside the data folder
 * ({@code backup-tmp/}, where the plain data already lives) and deleted afterwards.
 */
public final class BackupWriter {
  static final String STORE_ENTRY = "vigil.db";
  static final String ARCHIVE_PREFIX = "archive/";
  static final String INDEX_PREFIX = "index/";
  static final String STAGING = "backup-tmp";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int BUFFER = 64 * 1024;

  private final Vigil vigil;
  private final Clock clock;

  public BackupWriter(Vigil vigil, Clock clock) {
    this.vigil = Checks.notNull(vigil, "vigil");
    this.clock = Checks.notNull(clock, "clock");
  }

  /**
   * Writes the backup to {@code out}.
   *
   * @param replace whether an existing {@code out} may be replaced
   * @throws VigilException {@code invalid_input} when {@code out} exists and {@code replace} is
   *     false or its folder does not exist; {@code store_failure}, {@code archive_failure} or
   *     {@code index_failure} when a part cannot be read or the file cannot be written
   */
  public BackupReport write(
      Path out,
      char[] passphrase,
      BackupCipher.KdfParams kdf,
      boolean replace,
      BackupProgress progress) {
    Checks.notNull(out, "out");
    Checks.notNull(progress, "progress");
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw VigilException.invalid("out", "the folder of " + target + " does not exist");
    }
    if (Files.exists(target) && !replace) {
      throw VigilException.invalid("out", target + " exists; give --force to replace it");
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Path staging = vigil.config().dataDir().resolve(STAGING);
    try {
      Files.deleteIfExists(partial); // left by a killed run: never a valid backup
      FileTrees.deleteTree(staging); // a plain store copy left by a killed run
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw failure(ErrorCode.STORE_FAILURE, "cannot prepare backup of " + target, e);
    }
    Path dbCopy = staging.resolve("vigil-" + UUID.randomUUID() + ".db");
    boolean done = false;
    try {
      progress.stage("store");
      vigil.sources().database().snapshotTo(dbCopy);
      Snapshot snap = describe(dbCopy);
      progress.stage("key"); // Argon2id: a second or so, by design
      BackupManifest manifest;
      try (SyncedFile file = new SyncedFile(partial);
          OutputStream sealed =
              BackupCipher.encrypt(new BufferedOutputStream(file, BUFFER), passphrase, kdf);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(sealed)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        List<BackupManifest.Entry> entries = new ArrayList<>();
        entries.add(addFile(tar, STORE_ENTRY, dbCopy));
        progress.stage("archive");
        long archiveFiles = addArchive(tar, entries);
        progress.stage("index");
        long[] indexFiles = {0};
        long indexDocs =
            SourceIndex.copyLastCommit(
                vigil.config().index(),
                (name, size, in) -> {
                  entries.add(addStream(tar, INDEX_PREFIX + name, size, in));
                  indexFiles[0]++;
                });
        progress.stage("manifest");
        manifest =
            new BackupManifest(
                BackupManifest.FORMAT,
                clock.instant().toString(),
                version(),
                new BackupManifest.Counts(
                    snap.sources, snap.head.seq(), archiveFiles, indexFiles[0], indexDocs),
                snap.head.toString(),
                entries);
        byte[] json = JSON.writeValueAsBytes(manifest);
        TarArchiveEntry e = new TarArchiveEntry(BackupManifest.NAME);
        e.setSize(json.length);
        tar.putArchiveEntry(e);
        tar.write(json);
        tar.closeArchiveEntry();
        tar.finish();
      } // closing writes the final chunk, then forces the file to disk
      progress.stage("rename");
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      FileTrees.syncDirectory(parent);
      done = true;
      progress.stage("done");
      return new BackupReport(target, Files.size(target), manifest);
    } catch (IOException e) {
      throw failure(ErrorCode.STORE_FAILURE, "cannot write backup " + target + ": " + e, e);
    } finally {
      FileTrees.deleteTreeQuietly(staging);
      if (!done) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // removed by the next run
        }
      }
    }
  }

  private record Snapshot(long sources, AuditHead head) {}

  /** Counts and the audit head of the copied store (not the live one, which may have moved on). */
  private Snapshot describe(Path dbCopy) {
    try (Database copy = Database.openSqlite(dbCopy)) {
      return new Snapshot(new SourceStore(copy).count(), new AuditLog(copy, clock).head());
    }
  }

  /** Every original (not the archive's own {@code tmp/}), in path order. */
  private long addArchive(TarArchiveOutputStream tar, List<BackupManifest.Entry> entries)
      throws IOException {
    Path root = vigil.archive().root();
    if (!Files.isDirectory(root)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !root.relativize(p).startsWith("tmp"))
              .sorted()
              .toList();
    }
    long n = 0;
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      entries.add(addFile(tar, ARCHIVE_PREFIX + rel, f));
      n++;
    }
    return n;
  }

  private static BackupManifest.Entry addFile(TarArchiveOutputStream tar, String name, Path file)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        InputStream in = java.nio.channels.Channels.newInputStream(ch)) {
      return addStream(tar, name, ch.size(), in);
    }
  }

  /** Streams exactly {@code size} bytes of {@code in} into one entry, hashing them. */
  private static BackupManifest.Entry addStream(
      TarArchiveOutputStream tar, String name, long size, InputStream in) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(size);
    tar.putArchiveEntry(e);
    MessageDigest digest = ContentHash.newDigest();
    byte[] buffer = new byte[BUFFER];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n == -1) {
        throw new IOException(name + " shrank while it was backed up");
      }
      digest.update(buffer, 0, n);
      tar.write(buffer, 0, n);
      left -= n;
    }
    tar.closeArchiveEntry();
    return new BackupManifest.Entry(name, size, HexFormat.of().formatHex(digest.digest()));
  }

  static String version() {
    String v = Vigil.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  private static VigilException failure(ErrorCode code, String message, Exception e) {
    if (e instanceof FileAlreadyExistsException) {
      return VigilException.invalid("out", message);
    }
    return new VigilException(code, message, e);
  }

  /** A file output stream that forces its bytes to disk when closed. */
  private static final class SyncedFile extends OutputStream {
    private final FileChannel channel;
    private final OutputStream out;

    SyncedFile(Path path) throws IOException {
      this.channel =
          FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      this.out = java.nio.channels.Channels.newOutputStream(channel);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (!channel.isOpen()) {
        return;
      }
      try {
        channel.force(true);
      } finally {
        channel.close();
      }
    }
  }
}
