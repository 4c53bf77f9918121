package org.vigil.backup;

/** Hears which stage a backup or restore has reached (for progress output and crash tests). */
@FunctionalInterface
public interface BackupProgress {
  BackupProgress NONE = stage -> {};

  /** Called as each stage starts, e.g. {@code store}, {@code archive}, {@code index}. */
  void stage(String stage);
}
