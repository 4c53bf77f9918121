package org.vigil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.accounts.AccountService;
import org.vigil.accounts.AccountSettings;
import org.vigil.archive.Archive;
import org.vigil.audit.AuditLog;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.export.Redactor;
import org.vigil.export.Snapshot;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.ProposalInput;
import org.vigil.extract.Proposers;
import org.vigil.ingest.ArchiveVerifier;
import org.vigil.ingest.IngestService;
import org.vigil.records.ClaimStore;
import org.vigil.records.Database;
import org.vigil.records.IngestLogStore;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStore;
import org.vigil.records.RecordStore;
import org.vigil.records.SourceRecord;
import org.vigil.records.SourceStore;
import org.vigil.records.TestimonyStore;
import org.vigil.review.ReviewService;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.search.SourceIndex;
import org.vigil.testimony.KeyService;
import org.vigil.testimony.TestimonyService;
import org.vigil.web.Workspace;

/**
 * The composition root: opens the store, the archive and (when first needed) the index of one data
 * folder, and closes them in reverse order. Not a singleton: tests open as many as they like, each
 * on its own folder.
 */
public final class Vigil implements AutoCloseable, Workspace {
  private static final Logger LOG = LoggerFactory.getLogger(Vigil.class);
  private final VigilConfig config;
  private final Clock clock;
  private final Database database;
  private final Archive archive;
  private final SourceStore sources;
  private final IngestLogStore ingestLog;
  private final AuditLog auditLog;
  private final RecordStore records;
  private final ClaimStore claims;
  private final ProposalStore proposals;
  private final ReviewService review;
  private final KeyService keys;
  private final TestimonyService testimony;
  private final AccountService accounts;
  private @Nullable SourceIndex index;

  private Vigil(VigilConfig config, Clock clock, AccountSettings accountSettings) {
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
    this.records = new RecordStore(database);
    this.claims = new ClaimStore(database);
    this.proposals = new ProposalStore(database);
    this.review =
        new ReviewService(
            database,
            records,
            claims,
            proposals,
            auditLog::append,
            clock,
            sourceId -> sources.clusterOf(sourceId).orElse(sourceId));
    TestimonyStore sealed = new TestimonyStore(database);
    this.keys =
        new KeyService(database, sealed, auditLog, clock, org.vigil.crypto.Argon2Params.DEFAULT);
    this.testimony = new TestimonyService(database, sealed, records, keys, auditLog, clock);
    this.accounts = new AccountService(database, auditLog, clock, accountSettings);
  }

  public static Vigil open(VigilConfig config) {
    return new Vigil(config, Clock.systemUTC(), AccountSettings.defaults());
  }

  public static Vigil open(VigilConfig config, Clock clock) {
    return new Vigil(config, clock, AccountSettings.defaults());
  }

  /** With other account settings, e.g. cheaper password hashing in tests. */
  public static Vigil open(VigilConfig config, Clock clock, AccountSettings accountSettings) {
    return new Vigil(config, clock, accountSettings);
  }

  public VigilConfig config() {
    return config;
  }

  @Override
  public AccountService accounts() {
    return accounts;
  }

  @Override
  public SourceStore sources() {
    return sources;
  }

  @Override
  public Archive archive() {
    return archive;
  }

  public IngestLogStore ingestLog() {
    return ingestLog;
  }

  @Override
  public AuditLog auditLog() {
    return auditLog;
  }

  /** The search index, opened on first use (listing and showing sources do not need it). */
  @Override
  public synchronized SourceIndex index() {
    if (index == null) {
      index = SourceIndex.open(config.index());
    }
    return index;
  }

  /** Custodians and their keys for sealed testimony. */
  public KeyService keys() {
    return keys;
  }

  /** Sealed testimony: intake, metadata lists, audited reads. */
  public TestimonyService testimony() {
    return testimony;
  }

  @Override
  public ReviewService review() {
    return review;
  }

  @Override
  public RecordStore records() {
    return records;
  }

  @Override
  public ClaimStore claims() {
    return claims;
  }

  @Override
  public ProposalStore proposals() {
    return proposals;
  }

  /** Ingest that also proposes facts from every new source (see {@link #propose}). */
  @Override
  public IngestService ingest() {
    return new IngestService(archive, sources, ingestLog, index(), clock, this::proposeQuietly);
  }

  /**
   * Runs proposal extraction over a stored source and saves the proposals (re-running replaces the
   * source's open proposals, never decided ones). The source's publisher is added as the outermost
   * link of every attribution chain found in it.
   */
  public List<ProposalRecord> propose(SourceRecord s) {
    List<Proposal> found =
        proposers()
            .propose(
                new ProposalInput(
                    s.id(), s.content().text(), s.content().language(), s.metadata().published()));
    String publisher = s.metadata().publisher();
    List<Proposal> withOutlet = new ArrayList<>();
    for (Proposal p : found) {
      if (p.kind() == ProposalKind.ATTRIBUTION && publisher != null && !publisher.isBlank()) {
        Map<String, List<String>> fields = new LinkedHashMap<>(p.fields());
        List<String> chain = new ArrayList<>(fields.getOrDefault("chain", List.of()));
        if (chain.isEmpty() || !chain.get(chain.size() - 1).equalsIgnoreCase(publisher)) {
          chain.add(publisher);
        }
        fields.put("chain", chain);
        p = new Proposal(p.kind(), p.span(), fields, p.confidence());
      }
      withOutlet.add(p);
    }
    return review.saveProposals(s.id(), withOutlet);
  }

  private void proposeQuietly(SourceRecord s) {
    try {
      propose(s);
    } catch (RuntimeException e) {
      // the source is captured; `vigil propose` can run extraction again
      LOG.warn("proposal extraction failed for source {}: {}", s.id(), e.toString());
    }
  }

  private static Proposers proposers() {
    return ProposersHolder.PROPOSERS;
  }

  /** Built on first use: loading the gazetteer takes a moment and not every command needs it. */
  private static final class ProposersHolder {
    static final Proposers PROPOSERS = Proposers.standard(Gazetteer.standard());
  }

  /** The record as it stands, for exports and statistics (sealed types excluded). */
  @Override
  public Snapshot snapshot() {
    return new SnapshotBuilder(records, claims, sources, review, Gazetteer.standard()).build();
  }

  /** City coordinates from the gazetteer, for releases that coarsen places to their city. */
  public Redactor.CityLocator cityLocator() {
    Gazetteer g = Gazetteer.standard();
    return (name, country) ->
        SnapshotBuilder.cityNamed(g, name, country).map(e -> new double[] {e.lat(), e.lon()});
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
