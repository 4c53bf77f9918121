package org.vigil.backup;

import java.util.List;
import org.vigil.core.Checks;

/**
 * What a backup holds, written as its last tar entry {@code manifest.json}: format version, when it
 * was made, counts, the audit head, and the size and SHA-256 of every other entry.
 */
public record BackupManifest(
    int format,
    String createdAt,
    String vigilVersion,
    Counts counts,
    String auditHead,
    List<Entry> entries) {
  /** The tar layout version this code writes and reads. */
  public static final int FORMAT = 1;

  public static final String NAME = "manifest.json";

  public BackupManifest {
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(vigilVersion, "vigilVersion");
    Checks.notNull(counts, "counts");
    Checks.notNull(auditHead, "auditHead");
    entries = List.copyOf(entries);
  }

  /** Counts at the moment of the snapshot. */
  public record Counts(
      long sources, long auditEvents, long archiveFiles, long indexFiles, long indexDocuments) {}

  /** One tar entry: its path, size in bytes and SHA-256 (hex). */
  public record Entry(String path, long size, String sha256) {
    public Entry {
      Checks.notBlank(path, "path");
      Checks.notNegative(size, "size");
      Checks.notBlank(sha256, "sha256");
    }
  }
}
