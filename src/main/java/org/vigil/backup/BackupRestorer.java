package org.vigil.backup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.Checks;
import org.vigil.core.ContentHash;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.BackupCipher;
import org.vigil.search.SourceIndex;

/**
 * Restores a backup written by {@link BackupWriter} into a data folder.
 *
 * <p>Nothing is moved into place until everything checked out: the backup is decrypted and unpacked
 * into a new folder beside the target (same file system), every chunk's tag and the final-chunk
 * flag are checked, every entry is compared with its size and SHA-256 in the manifest, each
 * original with the hash that names it, the index is reconciled with the store, and the archive and
 * audit chain are verified; only then is the folder renamed to the target (a replaced target is
 * renamed aside first and deleted after). A failure leaves the target as it was.
 */
public final class BackupRestorer {
  private static final Pattern ARCHIVE_NAME =
      Pattern.compile("archive/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}");
  private static final Pattern INDEX_NAME = Pattern.compile("index/[A-Za-z0-9_.-]{1,200}");
  private static final int MAX_MANIFEST = 256 * 1024 * 1024;
  private static final int BUFFER = 64 * 1024;

  private BackupRestorer() {}

  /**
   * Restores {@code file} into {@code target}.
   *
   * @param replace whether a non-empty {@code target} may be replaced
   * @throws VigilException {@code not_found} when the file does not exist; {@code invalid_input}
   *     when {@code target} is a non-empty folder and {@code replace} is false, or not a folder;
   *     {@code wrong_passphrase}; {@code tampered} when the file is truncated or altered; {@code
   *     unsupported_format} when it is not a Vigil backup or of an unknown version
   */
  public static RestoreReport restore(
      Path file, Path target, char[] passphrase, boolean replace, BackupProgress progress) {
    Checks.notNull(file, "file");
    Checks.notNull(target, "target");
    Checks.notNull(progress, "progress");
    Path dest = target.toAbsolutePath().normalize();
    Path parent = dest.getParent();
    if (parent == null) {
      throw VigilException.invalid("data", "cannot restore into the root folder");
    }
    checkTarget(dest, replace);
    Path staging = parent.resolve(".vigil-restore-" + UUID.randomUUID());
    boolean placed = false;
    try {
      Files.createDirectories(parent);
      Files.createDirectory(staging);
      progress.stage("unpack");
      BackupManifest manifest;
      try (InputStream raw = open(file);
          InputStream plain =
              BackupCipher.decrypt(new BufferedInputStream(raw, BUFFER), passphrase)) {
        manifest = unpack(plain, staging);
      }
      progress.stage("check");
      RestoreReport checked = check(staging, manifest, dest);
      progress.stage("place");
      place(staging, dest, parent);
      placed = true;
      progress.stage("done");
      return checked;
    } catch (IOException e) {
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "cannot restore " + file + " into " + dest + ": " + e, e);
    } finally {
      if (!placed) {
        FileTrees.deleteTreeQuietly(staging);
      }
    }
  }

  private static void checkTarget(Path dest, boolean replace) {
    if (!Files.exists(dest)) {
      return;
    }
    if (!Files.isDirectory(dest)) {
      throw VigilException.invalid("data", dest + " exists and is not a folder");
    }
    try {
      if (!replace && !FileTrees.isEmptyDirectory(dest)) {
        throw VigilException.invalid(
            "data", "the data folder " + dest + " is not empty; give --force to replace it");
      }
    } catch (IOException e) {
      throw new VigilException(ErrorCode.CONFIGURATION, "cannot read " + dest + ": " + e, e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw VigilException.notFound("backup file " + file);
    }
  }

  /** Unpacks every entry, hashing as it goes; returns the manifest once the manifest matches. */
  private static BackupManifest unpack(InputStream plain, Path staging) throws IOException {
    Map<String, BackupManifest.Entry> seen = new LinkedHashMap<>();
    byte[] manifestBytes = null;
    TarArchiveInputStream tar = new TarArchiveInputStream(plain);
    try {
      TarArchiveEntry e;
      while ((e = nextEntry(tar)) != null) {
        String name = e.getName();
        if (manifestBytes != null) {
          throw format("entry " + name + " follows the manifest");
        }
        if (name.equals(BackupManifest.NAME)) {
          if (e.getSize() > MAX_MANIFEST) {
            throw format("the manifest is larger than " + MAX_MANIFEST + " bytes");
          }
          ByteArrayOutputStream m = new ByteArrayOutputStream();
          tar.transferTo(m);
          manifestBytes = m.toByteArray();
          continue;
        }
        if (!e.isFile()
            || !(name.equals(BackupWriter.STORE_ENTRY)
                || ARCHIVE_NAME.matcher(name).matches()
                || INDEX_NAME.matcher(name).matches())) {
          throw format("unexpected entry " + name + " in the backup");
        }
        if (seen.containsKey(name)) {
          throw format("entry " + name + " appears twice");
        }
        seen.put(name, extract(tar, name, staging.resolve(name)));
      }
    } catch (IOException ex) {
      // inside authenticated data a broken tar is a broken writer or format, not an attack
      throw format("the backup's contents cannot be read: " + ex.getMessage());
    }
    // read to the end, so a missing final chunk or trailing bytes are noticed
    byte[] rest = new byte[BUFFER];
    while (plain.read(rest) != -1) {
      // padding after the tar end marker
    }
    if (manifestBytes == null) {
      throw format("the backup has no manifest");
    }
    BackupManifest manifest;
    try {
      manifest = BackupWriter.JSON.readValue(manifestBytes, BackupManifest.class);
    } catch (IOException | RuntimeException ex) {
      throw format("the backup's manifest cannot be read: " + ex.getMessage());
    }
    if (manifest.format() != BackupManifest.FORMAT) {
      throw new VigilException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "backup layout version "
              + manifest.format()
              + " is not one this Vigil reads (it reads version "
              + BackupManifest.FORMAT
              + ")");
    }
    Map<String, BackupManifest.Entry> listed = new HashMap<>();
    for (BackupManifest.Entry entry : manifest.entries()) {
      listed.put(entry.path(), entry);
    }
    for (BackupManifest.Entry got : seen.values()) {
      BackupManifest.Entry want = listed.remove(got.path());
      if (want == null) {
        throw tampered("entry " + got.path() + " is not in the manifest");
      }
      if (want.size() != got.size() || !want.sha256().equals(got.sha256())) {
        throw tampered("entry " + got.path() + " does not match its SHA-256 in the manifest");
      }
    }
    if (!listed.isEmpty()) {
      throw tampered("entry " + listed.keySet().iterator().next() + " is missing from the backup");
    }
    if (!seen.containsKey(BackupWriter.STORE_ENTRY)) {
      throw format("the backup holds no store (" + BackupWriter.STORE_ENTRY + ")");
    }
    return manifest;
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
    return tar.getNextEntry();
  }

  private static BackupManifest.Entry extract(InputStream in, String name, Path to)
      throws IOException {
    MessageDigest digest = ContentHash.newDigest();
    long size = 0;
    FileChannel ch;
    try {
      Files.createDirectories(to.getParent());
      ch = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw writeFailure(to, e);
    }
    try (ch;
        OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) != -1; ) { // a read error is a broken backup
        digest.update(buffer, 0, n);
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw writeFailure(to, e);
        }
        size += n;
      }
      try {
        out.flush();
        ch.force(true);
      } catch (IOException e) {
        throw writeFailure(to, e);
      }
    }
    String hex = HexFormat.of().formatHex(digest.digest());
    if (name.startsWith(BackupWriter.ARCHIVE_PREFIX)) {
      if (!name.endsWith("/" + hex)) {
        throw tampered("original " + name + " does not hash to its name");
      }
      // originals are read-only in a live archive too
      to.toFile().setReadOnly();
    }
    return new BackupManifest.Entry(name, size, hex);
  }

  /**
   * Opens the unpacked folder as a data folder: reconciles the index with the store, verifies the
   * archive and the audit chain, and compares the audit head with the manifest's.
   */
  private static RestoreReport check(Path staging, BackupManifest manifest, Path dest) {
    try (Vigil vigil = Vigil.open(new VigilConfig(staging))) {
      long reindexed = reconcileIndex(vigil);
      String head = vigil.auditLog().head().toString();
      if (!head.equals(manifest.auditHead())) {
        throw tampered(
            "the restored audit head "
                + head
                + " differs from the manifest's "
                + manifest.auditHead());
      }
      long sources = vigil.sources().count();
      if (sources != manifest.counts().sources()) {
        throw tampered(
            "the restored store has "
                + sources
                + " sources, the manifest says "
                + manifest.counts().sources());
      }
      boolean archiveOk = vigil.archiveVerifier().verify().passed();
      boolean auditOk = vigil.auditLog().verify().passed();
      return new RestoreReport(dest, manifest, sources, head, archiveOk, auditOk, reindexed);
    }
  }

  /**
   * Makes the index hold exactly the store's sources: documents of sources the store lacks (the
   * index was copied a moment after the store) are removed, sources it lacks are indexed.
   */
  static long reconcileIndex(Vigil vigil) {
    SortedSet<String> stored = vigil.sources().ids();
    SourceIndex index = vigil.index();
    SortedSet<String> indexed = index.ids();
    SortedSet<String> missing = new TreeSet<>(stored);
    missing.removeAll(indexed);
    SortedSet<String> extra = new TreeSet<>(indexed);
    extra.removeAll(stored);
    vigil.sources().markUnindexed(missing);
    if (!extra.isEmpty()) {
      index.delete(extra);
      index.commit();
    }
    return vigil.ingest().catchUpIndex();
  }

  private static void place(Path staging, Path dest, Path parent) throws IOException {
    if (Files.exists(dest)) {
      Path aside = parent.resolve(".vigil-replaced-" + UUID.randomUUID());
      Files.move(dest, aside, StandardCopyOption.ATOMIC_MOVE);
      Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
      FileTrees.syncDirectory(parent);
      FileTrees.deleteTreeQuietly(aside);
    } else {
      Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
      FileTrees.syncDirectory(parent);
    }
  }

  /** Disk trouble on this machine (full, read-only), not a problem of the backup. */
  private static VigilException writeFailure(Path to, IOException e) {
    return new VigilException(ErrorCode.STORE_FAILURE, "cannot write " + to + ": " + e, e);
  }

  private static VigilException tampered(String message) {
    return new VigilException(ErrorCode.TAMPERED, message);
  }

  private static VigilException format(String message) {
    return new VigilException(ErrorCode.UNSUPPORTED_FORMAT, message);
  }
}
