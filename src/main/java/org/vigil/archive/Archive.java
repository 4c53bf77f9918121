package org.vigil.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.core.Checks;
import org.vigil.core.ContentHash;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Content-addressed, write-once store of originals under one folder: {@code ab/cd/<sha256>}. Writes
 * go to a temporary file in the archive's own {@code tmp/} folder (same file system, so the rename
 * is atomic), are flushed to disk, then renamed, so a crash never leaves a partial original under
 * its final name.
 */
public final class Archive {
  private static final String TMP = "tmp";
  private static final int BUFFER = 64 * 1024;
  private static final long LEFTOVER_AGE_MILLIS = 60L * 60 * 1000;

  private final Path root;
  private final Path tmp;
  // Serialises stores of the same hash within this JVM, so two threads archiving identical bytes
  // agree on who created the file. Across processes the rename of identical bytes is harmless.
  private final ConcurrentHashMap<String, Object> storing = new ConcurrentHashMap<>();

  private Archive(Path root) {
    this.root = root;
    this.tmp = root.resolve(TMP);
  }

  /**
   * Opens (creating if needed) the archive folder and deletes temporary files left by a process
   * that was killed mid-write (untouched for an hour); they are never referenced by anything.
   *
   * @throws VigilException {@code archive_failure} when the folder cannot be created or cleaned
   */
  public static Archive open(Path root) {
    Checks.notNull(root, "root");
    Archive archive = new Archive(root.toAbsolutePath().normalize());
    try {
      Files.createDirectories(archive.tmp);
    } catch (IOException e) {
      throw failure("cannot create archive folder " + archive.tmp, e);
    }
    // Only old leftovers: another live process (an ingest while `vigil backup` or `vigil search`
    // opens the same folder) may be writing a temporary file right now, and deleting it would fail
    // that process's store. A file being written is modified continuously and renamed at once.
    long cutoff = System.currentTimeMillis() - LEFTOVER_AGE_MILLIS;
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(archive.tmp)) {
      for (Path leftover : leftovers) {
        try {
          if (Files.getLastModifiedTime(leftover).toMillis() < cutoff) {
            Files.deleteIfExists(leftover);
          }
        } catch (NoSuchFileException e) {
          // renamed into place by its writer meanwhile
        }
      }
    } catch (IOException e) {
      throw failure("cannot clean temporary folder " + archive.tmp, e);
    }
    return archive;
  }

  public Path root() {
    return root;
  }

  /**
   * Streams an original into the archive while hashing it. The stream is read to its end but not
   * closed.
   *
   * @throws VigilException {@code too_large} past {@code maxBytes} (nothing is kept), {@code
   *     archive_failure} on I/O errors
   */
  public StoredOriginal store(InputStream in, long maxBytes) {
    Checks.notNull(in, "in");
    Checks.notNegative(maxBytes, "maxBytes");
    Path temp;
    try {
      temp = Files.createTempFile(tmp, "store-", ".part");
    } catch (IOException e) {
      throw failure("cannot create temporary file in " + tmp, e);
    }
    boolean keepTemp = false;
    try {
      MessageDigest digest = ContentHash.newDigest();
      long size = copy(in, temp, digest, maxBytes);
      ContentHash hash = ContentHash.fromDigest(digest.digest());
      StoredOriginal stored = place(temp, hash, size);
      keepTemp = stored.created(); // the temp file became the original
      return stored;
    } finally {
      if (!keepTemp) {
        deleteQuietly(temp);
      }
    }
  }

  /** Stores {@code bytes}; see {@link #store(InputStream, long)}. */
  public StoredOriginal store(byte[] bytes) {
    Checks.notNull(bytes, "bytes");
    return store(new ByteArrayInputStream(bytes), bytes.length);
  }

  public boolean contains(ContentHash hash) {
    return Files.isRegularFile(pathOf(hash));
  }

  /**
   * The exact bytes stored under {@code hash}.
   *
   * @throws VigilException {@code not_found} when the original is absent, {@code archive_failure}
   *     when it cannot be read
   */
  public byte[] read(ContentHash hash) {
    Path path = pathOf(hash);
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw VigilException.notFound("original " + hash);
    } catch (IOException e) {
      throw failure("cannot read original " + path, e);
    }
  }

  /** Where the original with {@code hash} lives (or would live); the file may not exist. */
  public Path pathOf(ContentHash hash) {
    Checks.notNull(hash, "hash");
    String hex = hash.hex();
    return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
  }

  /**
   * Re-hashes the original stored under {@code hash}, streaming.
   *
   * @return {@code MISSING} when no file exists, {@code ALTERED} when its bytes no longer match
   * @throws VigilException {@code archive_failure} when the file exists but cannot be read
   */
  public ArchiveCheck check(ContentHash hash) {
    Path path = pathOf(hash);
    if (!Files.isRegularFile(path)) {
      return ArchiveCheck.MISSING;
    }
    MessageDigest digest = ContentHash.newDigest();
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      return ArchiveCheck.MISSING;
    } catch (IOException e) {
      throw failure("cannot read original " + path, e);
    }
    return ContentHash.fromDigest(digest.digest()).equals(hash)
        ? ArchiveCheck.OK
        : ArchiveCheck.ALTERED;
  }

  private static long copy(InputStream in, Path temp, MessageDigest digest, long maxBytes) {
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
      int n;
      while (true) {
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          throw failure(
              "cannot read the source being archived to " + temp + ": " + e.getMessage(), e);
        }
        if (n == -1) {
          break;
        }
        size += n;
        if (size > maxBytes) {
          throw VigilException.item(
              ErrorCode.TOO_LARGE, "original is larger than the limit of " + maxBytes + " bytes");
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      out.flush();
      // Durable before it gets its final name: a crash after the rename must not leave a hole.
      channel.force(true);
    } catch (IOException e) {
      throw failure("cannot write temporary file " + temp, e);
    }
    return size;
  }

  private StoredOriginal place(Path temp, ContentHash hash, long size) {
    Path target = pathOf(hash);
    Object lock = storing.computeIfAbsent(hash.hex(), k -> new Object());
    try {
      synchronized (lock) {
        if (Files.exists(target)) {
          return new StoredOriginal(hash, size, false);
        }
        Path dir = target.getParent();
        try {
          Files.createDirectories(dir);
          // Read-only before the rename, so the final name is never seen writable.
          if (!temp.toFile().setReadOnly()) {
            throw new IOException("cannot make read-only: " + temp);
          }
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw failure("cannot store original " + target, e);
        }
        syncDirectory(dir);
        return new StoredOriginal(hash, size, true);
      }
    } finally {
      storing.remove(hash.hex(), lock);
    }
  }

  /** Makes the rename durable where the OS allows opening a directory for fsync (not Windows). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // unsupported on this platform or file system: the rename is still atomic
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a leftover in tmp/ is removed on the next open
    }
  }

  private static VigilException failure(String message, Exception cause) {
    return new VigilException(ErrorCode.ARCHIVE_FAILURE, message, cause);
  }
}
