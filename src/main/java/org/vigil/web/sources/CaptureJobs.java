package org.vigil.web.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.ItemResult;
import org.vigil.web.Workspace;

/**
 * Runs capture requests in the background, one at a time, and keeps each one's progress for its
 * status page. Uploaded files wait in a folder of the data folder under generated names (the
 * sender's name is only a label) and are deleted when their job ends.
 */
final class CaptureJobs {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureJobs.class);

  /** Finished jobs kept for their status pages; the oldest go first. */
  private static final int KEEP = 200;

  static final int MAX_URLS = 100;
  static final int MAX_FILES = 500;

  private final Workspace workspace;
  private final Path uploads;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-capture");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, CaptureJob> jobs = new LinkedHashMap<>();

  CaptureJobs(Workspace workspace) {
    this.workspace = workspace;
    this.uploads = uploadRoot(workspace);
  }

  /** Beside the archive, so uploads stay on the data folder's disk and never in a shared /tmp. */
  static Path uploadRoot(Workspace workspace) {
    return workspace.archive().root().toAbsolutePath().resolveSibling("tmp-uploads");
  }

  /** A file as received: its content and the name the sender gave (untrusted). */
  record Incoming(String name, InputStream content) {}

  /**
   * Starts a job for these files and URLs. Files are copied to the job's folder before this
   * returns; a file whose name cannot be made safe fails as an item, the others go on.
   *
   * @throws VigilException invalid input when there is nothing to capture or too much at once
   */
  CaptureJob submit(String owner, List<Incoming> files, List<String> urls) {
    if (files.isEmpty() && urls.isEmpty()) {
      throw VigilException.invalid(
          "files", "choose at least one file or enter at least one URL to capture");
    }
    if (files.size() > MAX_FILES) {
      throw VigilException.invalid("files", "at most " + MAX_FILES + " files at once");
    }
    if (urls.size() > MAX_URLS) {
      throw VigilException.invalid("urls", "at most " + MAX_URLS + " URLs at once");
    }
    String id = UUID.randomUUID().toString();
    CaptureJob job = new CaptureJob(id, owner);
    Path dir = uploads.resolve(id);
    List<IngestService.Upload> accepted = new ArrayList<>();
    try {
      int n = 0;
      for (Incoming f : files) {
        String name = safeName(f.name());
        if (name == null) {
          job.refuse(
              displayName(f.name()),
              ErrorCode.INVALID_INPUT.code(),
              "the file name is not allowed (empty, '.' or '..')");
          continue;
        }
        if (n == 0) {
          Files.createDirectories(dir);
        }
        Path target = dir.resolve((++n) + ".upload");
        try (InputStream in = f.content()) {
          Files.copy(in, target);
        }
        accepted.add(new IngestService.Upload(target, name));
        job.expect(name);
      }
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "cannot keep the uploaded files: " + e.getMessage(), e);
    }
    List<String> fetchable = new ArrayList<>();
    for (String url : urls) {
      // the ingest takes anything that is not an address for a path on this server: only
      // http(s) addresses may pass, or a "URL" like /etc/passwd would read a local file
      if (isHttp(url)) {
        fetchable.add(url);
        job.expect(url);
      } else {
        job.refuse(
            displayName(url),
            ErrorCode.BLOCKED_SCHEME.code(),
            "only http:// and https:// addresses can be captured from the web");
      }
    }
    synchronized (jobs) {
      jobs.put(id, job);
      prune();
    }
    executor.submit(() -> run(job, accepted, fetchable, dir));
    return job;
  }

  Optional<CaptureJob> find(String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  private void run(CaptureJob job, List<IngestService.Upload> files, List<String> urls, Path dir) {
    IngestOptions options = new IngestOptions(IngestOptions.defaults().maxBytes(), false, 1);
    IngestService.Listener listener =
        new IngestService.Listener() {
          @Override
          public void item(ItemResult r) {
            job.record(r);
          }
        };
    try {
      IngestService ingest = workspace.ingest();
      if (!files.isEmpty()) {
        ingest.ingestUploads(files, options, listener);
      }
      if (!urls.isEmpty()) {
        ingest.ingest(urls, options, listener);
      }
      job.finish(ErrorCode.NO_TEXT.code(), "the file held no document to capture");
    } catch (VigilException e) {
      LOG.error("capture job {} stopped: {}", job.id(), e.code().code(), e);
      job.finish(e.code().code(), "the capture stopped: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("capture job {} failed unexpectedly", job.id(), e);
      job.finish("internal_error", "the capture stopped on a server error");
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Drops the oldest finished jobs beyond {@link #KEEP}. Caller holds the lock. */
  private void prune() {
    var it = jobs.entrySet().iterator();
    int excess = jobs.size() - KEEP;
    while (excess > 0 && it.hasNext()) {
      if (it.next().getValue().view().finished()) {
        it.remove();
        excess--;
      }
    }
  }

  /**
   * The sender's file name reduced to its last path element, without control characters; null when
   * nothing usable is left ({@code ""}, {@code "."}, {@code ".."}).
   */
  static @Nullable String safeName(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replace('\\', '/');
    s = s.substring(s.lastIndexOf('/') + 1);
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != '\u2028' && c != '\u2029')
        .forEach(b::appendCodePoint);
    s = b.toString().strip();
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      return null;
    }
    if (s.length() > 200) {
      s = s.substring(s.length() - 200);
    }
    return s;
  }

  static boolean isHttp(String url) {
    String u = url.strip().toLowerCase(java.util.Locale.ROOT);
    return (u.startsWith("http://") || u.startsWith("https://")) && u.length() > 8;
  }

  private static String displayName(@Nullable String raw) {
    String s = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", "");
    return s.isBlank() ? "(no name)" : s.length() > 200 ? s.substring(0, 200) : s;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete uploaded files in {}: {}", dir, e.getMessage());
    }
  }
}
