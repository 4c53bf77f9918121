package org.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.archive.Archive;
import org.vigil.archive.WarcEntry;
import org.vigil.archive.WarcReader;
import org.vigil.core.Checks;
import org.vigil.core.ContentHash;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.extract.DocumentHints;
import org.vigil.extract.Extraction;
import org.vigil.extract.ExtractionLimits;
import org.vigil.extract.Extractors;
import org.vigil.extract.MinHash;
import org.vigil.records.CaptureRecord;
import org.vigil.records.DedupKeys;
import org.vigil.records.IngestLogStore;
import org.vigil.records.OriginalRef;
import org.vigil.records.SourceContent;
import org.vigil.records.SourceRecord;
import org.vigil.records.SourceStore;
import org.vigil.search.IndexedSource;
import org.vigil.search.SourceIndex;

/**
 * Captures files, folders, WARC files and URLs: each original is extracted, archived, stored, put
 * in a story cluster and indexed. Every item ends with a status; a failing item is logged with its
 * reason and never stops the run or touches what is already stored.
 *
 * <p>Order per item, chosen for crash safety: extract first (so failures leave no trace), then
 * write the original to the archive (atomic rename), then one database transaction (source,
 * capture, fingerprint, cluster), then the index. A kill between archive and database leaves an
 * unreferenced original that the rerun adopts; a kill before the index commit leaves sources marked
 * unindexed, which {@link #catchUpIndex()} adds on the next run.
 */
public final class IngestService {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final int COMMIT_EVERY = 2_000;

  private final Archive archive;
  private final SourceStore store;
  private final IngestLogStore log;
  private final SourceIndex index;
  private final Clock clock;
  private final StoryClusterer clusterer;
  private final Object writeLock = new Object();
  private final List<String> pendingIndexed = Collections.synchronizedList(new ArrayList<>());
  private final StageClock stages = new StageClock();
  private final java.util.function.Consumer<SourceRecord> afterCapture;

  public IngestService(
      Archive archive, SourceStore store, IngestLogStore log, SourceIndex index, Clock clock) {
    this(archive, store, log, index, clock, s -> {});
  }

  /**
   * @param afterCapture called with every newly stored source, after its transaction commits (the
   *     application proposes facts from it); it must not throw
   */
  public IngestService(
      Archive archive,
      SourceStore store,
      IngestLogStore log,
      SourceIndex index,
      Clock clock,
      java.util.function.Consumer<SourceRecord> afterCapture) {
    this.afterCapture = afterCapture;
    this.archive = archive;
    this.store = store;
    this.log = log;
    this.index = index;
    this.clock = clock;
    this.clusterer = new StoryClusterer(store);
  }

  /** Listens to a run: the number of units found, then each finished item. */
  public interface Listener {
    default void started(int units) {}

    default void unitDone() {}

    default void item(ItemResult result) {}
  }

  /**
   * Ingests paths (files, folders, WARC files) and http(s) URLs.
   *
   * @throws VigilException {@code invalid_input} when no input is given
   */
  public IngestSummary ingest(List<String> inputs, IngestOptions options, Listener listener) {
    if (inputs.isEmpty()) {
      throw VigilException.invalid("inputs", "give at least one path or URL");
    }
    catchUpIndex();
    return run(expand(inputs, listener), options, listener);
  }

  /**
   * A file received over the network: stored by the caller under a name of its own choosing, with
   * the name the sender gave it kept only as a label and a type hint (never as a path).
   *
   * @param file where the bytes are now
   * @param name the sender's file name, without folders
   */
  public record Upload(Path file, String name) {
    public Upload {
      Checks.notNull(file, "file");
      Checks.notBlank(name, "name");
      Checks.check(
          name.indexOf('/') < 0 && name.indexOf('\\') < 0,
          "name must not contain a folder, was " + name);
    }
  }

  /**
   * Ingests uploaded files like {@link #ingest} does local files, except that each item is labelled
   * with its upload name and its capture origin reads {@code upload:<name>}, so the temporary path
   * is never recorded.
   *
   * @throws VigilException {@code invalid_input} when no upload is given
   */
  public IngestSummary ingestUploads(
      List<Upload> uploads, IngestOptions options, Listener listener) {
    if (uploads.isEmpty()) {
      throw VigilException.invalid("files", "give at least one file");
    }
    catchUpIndex();
    List<Unit> units = new ArrayList<>();
    for (Upload u : uploads) {
      units.add(
          isWarc(u.file())
              ? new WarcUnit(u.file(), u.name(), "upload:" + u.name())
              : new FileUnit(u.file(), u.name(), u.name(), "upload:" + u.name()));
    }
    return run(units, options, listener);
  }

  private IngestSummary run(List<Unit> units, IngestOptions options, Listener listener) {
    String runId = UUID.randomUUID().toString();
    listener.started(units.size());
    Extractors extractors =
        Extractors.standard(ExtractionLimits.defaults().withMaxBytes(options.maxBytes()));
    FetchPolicy policy =
        new FetchPolicy(
            options.allowPrivateNetwork(),
            options.maxBytes(),
            FetchPolicy.defaults().connectTimeout(),
            FetchPolicy.defaults().readTimeout(),
            FetchPolicy.defaults().maxRedirects());
    Tally tally = new Tally(runId);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
    try (SafeFetcher fetcher = new SafeFetcher(policy)) {
      Context ctx = new Context(extractors, fetcher, options, r -> record(r, tally, listener));
      List<Future<?>> futures = new ArrayList<>();
      for (Unit unit : units) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    unit.run(ctx);
                  } catch (VigilException e) {
                    ctx.sink.accept(
                        ItemResult.failed(unit.label(), null, e.code(), e.getMessage()));
                  } catch (RuntimeException e) {
                    // a bug must not lose the batch; the unit is reported as failed
                    LOG.error("unexpected failure on {}", unit.label(), e);
                    ctx.sink.accept(
                        ItemResult.failed(
                            unit.label(),
                            null,
                            ErrorCode.CORRUPT_DOCUMENT,
                            "unexpected error: " + e));
                  } finally {
                    listener.unitDone();
                  }
                }));
      }
      for (Future<?> f : futures) {
        await(f);
      }
    } finally {
      pool.shutdownNow();
    }
    commitIndex();
    catchUpIndex();
    return tally.summary();
  }

  /**
   * Indexes every stored source the index has not committed yet (left by a killed run or by a
   * rebuild) and returns how many.
   */
  public long catchUpIndex() {
    long done = 0;
    while (true) {
      List<SourceRecord> batch = store.unindexed(500);
      if (batch.isEmpty()) {
        return done;
      }
      List<String> ids = new ArrayList<>();
      for (SourceRecord s : batch) {
        index.upsert(toIndexed(s));
        ids.add(s.id());
      }
      index.commit();
      store.markIndexed(ids);
      done += ids.size();
    }
  }

  /** Empties the index and rebuilds it from the store. */
  public long reindex() {
    index.clear();
    index.commit();
    store.markAllUnindexed();
    return catchUpIndex();
  }

  // ---- one original ------------------------------------------------------------------------

  /** An original read from a file, a URL or a WARC record, with where it came from. */
  private record Original(
      String input,
      @Nullable String url,
      byte[] bytes,
      DocumentHints hints,
      CaptureRecord.Origin origin,
      Instant retrievedAt,
      CaptureRecord.@Nullable HttpCapture http) {}

  /** Captures one original; any failure becomes this item's failed result. */
  private ItemResult capture(Original o, Extractors extractors) {
    try {
      return captureOrThrow(o, extractors);
    } catch (VigilException e) {
      return ItemResult.failed(o.input(), o.url(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("unexpected failure on {}", o.input(), e);
      return ItemResult.failed(
          o.input(), o.url(), ErrorCode.CORRUPT_DOCUMENT, "unexpected error: " + e);
    }
  }

  private ItemResult captureOrThrow(Original o, Extractors extractors) {
    long t = System.nanoTime();
    ContentHash hash = ContentHash.of(o.bytes());
    String id = hash.sourceId();
    Optional<SourceRecord> known = store.findByHash(hash);
    t = stages.add(StageClock.Stage.HASH, t);
    if (known.isPresent()) {
      return unchanged(o, known.get());
    }
    Extraction x = extractors.extract(o.bytes(), o.hints());
    t = stages.add(StageClock.Stage.EXTRACT, t);
    MinHash.Fingerprint fp = MinHash.of(x.normalizedText());
    t = stages.add(StageClock.Stage.FINGERPRINT, t);
    archive.store(o.bytes());
    t = stages.add(StageClock.Stage.ARCHIVE, t);
    SourceRecord record;
    boolean[] joined = {false};
    synchronized (writeLock) {
      Optional<SourceRecord> earlier = store.findByHash(hash); // same bytes earlier in this run
      if (earlier.isPresent()) {
        return unchanged(o, earlier.get());
      }
      record =
          store
              .database()
              .inTransaction(
                  () -> {
                    StoryClusterer.Assignment a = clusterer.assign(id, fp);
                    joined[0] = a.joined();
                    String cluster = a.clusterId();
                    SourceRecord r =
                        new SourceRecord(
                            new OriginalRef(hash, x.mediaType(), o.bytes().length),
                            x.metadata(),
                            new SourceContent(
                                x.language(), x.text(), x.normalizedText(), x.warnings()),
                            cluster,
                            o.retrievedAt());
                    store.insert(
                        r,
                        captureOf(o, id, x.mediaType()),
                        new DedupKeys(fp.textHash(), fp.signature(), fp.bandKeys()));
                    return r;
                  });
    }
    t = stages.add(StageClock.Stage.STORE, t);
    index.upsert(toIndexed(record));
    t = stages.add(StageClock.Stage.INDEX, t);
    afterCapture.accept(record);
    stages.add(StageClock.Stage.PROPOSE, t);
    pendingIndexed.add(id);
    if (pendingIndexed.size() >= COMMIT_EVERY) {
      commitIndex();
    }
    return new ItemResult(
        o.input(), o.url(), ItemResult.Status.CAPTURED, id, record.clusterId(), joined[0], null);
  }

  private ItemResult unchanged(Original o, SourceRecord existing) {
    // A missing original (deleted by hand, or a crash) is restored from the identical bytes.
    if (!archive.contains(existing.original().hash())) {
      archive.store(o.bytes());
    }
    store.addCapture(captureOf(o, existing.id(), existing.original().mediaType()));
    boolean duplicate = store.clusterSize(existing.clusterId()) > 1;
    return new ItemResult(
        o.input(),
        o.url(),
        ItemResult.Status.UNCHANGED,
        existing.id(),
        existing.clusterId(),
        duplicate,
        null);
  }

  private static CaptureRecord captureOf(Original o, String sourceId, String mediaType) {
    return new CaptureRecord(
        sourceId, o.origin(), o.retrievedAt(), mediaType, o.bytes().length, o.http());
  }

  private void commitIndex() {
    long t = System.nanoTime();
    List<String> ids;
    synchronized (pendingIndexed) {
      ids = new ArrayList<>(pendingIndexed);
      pendingIndexed.clear();
    }
    index.commit();
    store.markIndexed(ids);
    stages.add(StageClock.Stage.COMMIT, t);
  }

  /**
   * Time spent in each stage since this service was made, summed over worker threads, in seconds:
   * where a run's time goes (the ingest benchmark prints it).
   */
  public java.util.Map<String, Double> stageSeconds() {
    return stages.seconds();
  }

  private static IndexedSource toIndexed(SourceRecord s) {
    return new IndexedSource(
        s.id(),
        s.metadata().title() == null ? "" : s.metadata().title(),
        s.content().text(),
        s.content().normalizedText(),
        s.content().language(),
        new IndexedSource.SourceFacets(s.metadata().publisher(), s.metadata().published(), null));
  }

  private void record(ItemResult r, Tally tally, Listener listener) {
    tally.add(r);
    log.append(
        new IngestLogStore.Entry(
            tally.runId,
            r.url() != null && !r.url().equals(r.input()) ? r.input() + " " + r.url() : r.input(),
            r.status().label(),
            r.sourceId(),
            r.error() == null ? null : r.error().code().code(),
            r.error() == null ? null : r.error().message(),
            clock.instant()));
    if (r.error() != null) {
      LOG.debug("{} failed: {}", r.input(), r.error().code().code());
    }
    listener.item(r);
  }

  // ---- units of work -----------------------------------------------------------------------

  private record Context(
      Extractors extractors,
      SafeFetcher fetcher,
      IngestOptions options,
      Consumer<ItemResult> sink) {}

  private interface Unit {
    String label();

    void run(Context ctx);
  }

  private List<Unit> expand(List<String> inputs, Listener listener) {
    List<Unit> units = new ArrayList<>();
    for (String input : inputs) {
      String lower = input.toLowerCase(Locale.ROOT);
      if (lower.matches("^[a-z][a-z0-9+.-]*://.*")
          || lower.startsWith("javascript:")
          || lower.startsWith("data:")
          || lower.startsWith("mailto:")) {
        units.add(new UrlUnit(input));
        continue;
      }
      Path path = Path.of(input);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          // hidden files (.DS_Store, editor swap files) are not sources
          walk.filter(Files::isRegularFile)
              .filter(p -> !String.valueOf(p.getFileName()).startsWith("."))
              .sorted()
              .forEach(p -> units.add(fileUnit(p, p.toString())));
        } catch (IOException e) {
          units.add(
              new FailedUnit(
                  input, ErrorCode.UNREADABLE_FILE, "cannot list folder: " + e.getMessage()));
        }
      } else {
        units.add(fileUnit(path, input));
      }
    }
    return units;
  }

  private Unit fileUnit(Path path, String label) {
    String abs = path.toAbsolutePath().normalize().toString();
    return isWarc(path)
        ? new WarcUnit(path, label, abs)
        : new FileUnit(path, label, String.valueOf(path.getFileName()), abs);
  }

  private static boolean isWarc(Path path) {
    String name =
        path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(5);
      if (head.length == 5
          && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("WARC/")) {
        return true;
      }
    } catch (IOException e) {
      return false;
    }
    if (name.endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
        return new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII)
            .equals("WARC/");
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  private final class FileUnit implements Unit {
    private final Path path;
    private final String label;
    private final String fileName;
    private final String origin;

    /**
     * @param fileName the name that hints at the format
     * @param origin what the capture records as where the file came from
     */
    FileUnit(Path path, String label, String fileName, String origin) {
      this.path = path;
      this.label = label;
      this.fileName = fileName;
      this.origin = origin;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public void run(Context ctx) {
      ctx.sink.accept(captureFile(ctx));
    }

    private ItemResult captureFile(Context ctx) {
      byte[] bytes;
      try {
        long size = Files.size(path);
        if (size > ctx.options.maxBytes()) {
          return ItemResult.failed(
              label,
              null,
              ErrorCode.TOO_LARGE,
              "file is " + size + " bytes, over the limit of " + ctx.options.maxBytes() + " bytes");
        }
        bytes = Files.readAllBytes(path);
      } catch (NoSuchFileException e) {
        return ItemResult.failed(
            label, null, ErrorCode.UNREADABLE_FILE, "no such file or folder: " + path);
      } catch (AccessDeniedException e) {
        return ItemResult.failed(
            label, null, ErrorCode.UNREADABLE_FILE, "permission denied: " + path);
      } catch (IOException e) {
        return ItemResult.failed(
            label, null, ErrorCode.UNREADABLE_FILE, "cannot read " + path + ": " + e.getMessage());
      }
      Original o =
          new Original(
              label,
              null,
              bytes,
              DocumentHints.ofFileName(fileName),
              new CaptureRecord.Origin(CaptureRecord.Origin.Kind.FILE, origin),
              clock.instant(),
              null);
      return capture(o, ctx.extractors);
    }
  }

  private final class UrlUnit implements Unit {
    private final String url;

    UrlUnit(String url) {
      this.url = url;
    }

    @Override
    public String label() {
      return url;
    }

    @Override
    public void run(Context ctx) {
      FetchedResource r;
      try {
        r = ctx.fetcher.fetch(URI.create(url.trim()));
      } catch (IllegalArgumentException e) {
        ctx.sink.accept(
            ItemResult.failed(
                url, null, ErrorCode.INVALID_INPUT, "not a valid URL: " + e.getMessage()));
        return;
      } catch (VigilException e) {
        ctx.sink.accept(ItemResult.failed(url, null, e.code(), e.getMessage()));
        return;
      }
      String contentType = r.contentType();
      Original o =
          new Original(
              url,
              r.finalUri().toString(),
              r.body(),
              new DocumentHints(
                  lastSegment(r.finalUri()),
                  contentType,
                  charsetOf(contentType),
                  r.finalUri().toString()),
              new CaptureRecord.Origin(CaptureRecord.Origin.Kind.URL, url),
              r.retrievedAt(),
              new CaptureRecord.HttpCapture(
                  r.status(),
                  r.headers(),
                  r.finalUri().toString(),
                  r.redirects().stream().map(URI::toString).toList()));
      ctx.sink.accept(capture(o, ctx.extractors));
    }
  }

  private final class WarcUnit implements Unit {
    private final Path path;
    private final String label;
    private final String origin;

    WarcUnit(Path path, String label, String origin) {
      this.path = path;
      this.label = label;
      this.origin = origin;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public void run(Context ctx) {
      String abs = origin;
      try {
        WarcReader.read(
            path,
            ctx.options.maxBytes(),
            item -> {
              WarcEntry e = item.entry();
              if (e == null) {
                VigilException f = item.failure();
                ctx.sink.accept(
                    ItemResult.failed(
                        label,
                        item.label(),
                        f == null ? ErrorCode.CORRUPT_DOCUMENT : f.code(),
                        f == null ? "unreadable record" : f.getMessage()));
                return;
              }
              ctx.sink.accept(captureRecord(ctx, e, abs));
            });
      } catch (VigilException e) {
        ctx.sink.accept(ItemResult.failed(label, null, e.code(), e.getMessage()));
      }
    }

    private ItemResult captureRecord(Context ctx, WarcEntry e, String abs) {
      Integer status = e.httpStatus();
      if (status != null && (status < 200 || status >= 300)) {
        return ItemResult.failed(
            label,
            e.targetUri(),
            ErrorCode.HTTP_ERROR,
            "WARC record " + e.recordId() + " is an HTTP " + status + " response, not a document");
      }
      String ct = e.contentType();
      Original o =
          new Original(
              label,
              e.targetUri(),
              e.payload(),
              new DocumentHints(
                  lastSegment(safeUri(e.targetUri())), ct, charsetOf(ct), e.targetUri()),
              new CaptureRecord.Origin(CaptureRecord.Origin.Kind.WARC, abs + "#" + e.recordId()),
              e.date(),
              status == null
                  ? null
                  : new CaptureRecord.HttpCapture(
                      status, e.httpHeaders(), e.targetUri(), List.of()));
      return capture(o, ctx.extractors);
    }
  }

  private record FailedUnit(String label, ErrorCode code, String message) implements Unit {
    @Override
    public void run(Context ctx) {
      ctx.sink.accept(ItemResult.failed(label, null, code, message));
    }
  }

  // ---- small helpers -----------------------------------------------------------------------

  private static @Nullable URI safeUri(String s) {
    try {
      return URI.create(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable String lastSegment(@Nullable URI uri) {
    if (uri == null || uri.getPath() == null) {
      return null;
    }
    String p = uri.getPath();
    int slash = p.lastIndexOf('/');
    String seg = p.substring(slash + 1);
    return seg.isEmpty() ? null : seg;
  }

  static @Nullable String charsetOf(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String t = part.trim();
      if (t.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return t.substring(8).replace("\"", "").trim();
      }
    }
    return null;
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VigilException(ErrorCode.STORE_FAILURE, "ingest interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "ingest worker failed: " + e.getCause(), e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "vigil-ingest");
      t.setDaemon(true);
      return t;
    };
  }

  /** Counts a run's outcomes; items arrive from several threads. */
  private static final class Tally {
    final String runId;
    int captured;
    int unchanged;
    int duplicates;
    final List<ItemResult> failures = new ArrayList<>();

    Tally(String runId) {
      this.runId = runId;
    }

    synchronized void add(ItemResult r) {
      switch (r.status()) {
        case CAPTURED -> {
          captured++;
          if (r.duplicate()) {
            duplicates++;
          }
        }
        case UNCHANGED -> unchanged++;
        case FAILED -> failures.add(r);
      }
    }

    synchronized IngestSummary summary() {
      return new IngestSummary(runId, captured, unchanged, duplicates, failures);
    }
  }
}
