package org.vigil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.vigil.archive.Archive;
import org.vigil.audit.AuditLog;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.ingest.ArchiveVerifier;
import org.vigil.ingest.IngestService;
import org.vigil.records.Database;
import org.vigil.records.IngestLogStore;
import org.vigil.records.SourceStore;
import org.vigil.search.SourceIndex;

/**
 * The composition root: opens the store, the archive and (when first needed) the index of one data
 * folder, and closes them in reverse order. Not a singleton: tests open as many as they like, each
 * on its own folder.
 */
public final class Vigil implements AutoCloseable {
  private final VigilConfig config;
  private final Clock clock;
  private final Database database;
  private final Archive archive;
  private final SourceStore sources;
  private final IngestLogStore ingestLog;
  private final AuditLog auditLog;
  private @Nullable SourceIndex index;

  private Vigil(VigilConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new VigilException(
          ErrorCode.CONFIGURATION, "cannot create data folder " + config.dataDir() + ": " + e, e);
    }
    this.database = Database.openSqlite(config.database());
    this.archive = Archive.open(config.archive());
    this.sources = new SourceStore(database);
    this.ingestLog = new IngestLogStore(database);
    this.auditLog = new AuditLog(database, clock);
  }

  public static Vigil open(VigilConfig config) {
    return new Vigil(config, Clock.systemUTC());
  }

  public static Vigil open(VigilConfig config, Clock clock) {
    return new Vigil(config, clock);
  }

  public VigilConfig config() {
    return config;
  }

  public SourceStore sources() {
    return sources;
  }

  public Archive archive() {
    return archive;
  }

  public IngestLogStore ingestLog() {
    return ingestLog;
  }

  public AuditLog auditLog() {
    return auditLog;
  }

  /** The search index, opened on first use (listing and showing sources do not need it). */
  public synchronized SourceIndex index() {
    if (index == null) {
      index = SourceIndex.open(config.index());
    }
    return index;
  }

  public IngestService ingest() {
    return new IngestService(archive, sources, ingestLog, index(), clock);
  }

  public ArchiveVerifier archiveVerifier() {
    return new ArchiveVerifier(archive, sources);
  }

  @Override
  public synchronized void close() {
    try {
      if (index != null) {
        index.close();
      }
    } finally {
      database.close();
    }
  }
}
