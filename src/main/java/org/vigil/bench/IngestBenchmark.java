package org.vigil.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.IngestSummary;

/**
 * Measures the full capture pipeline against a bare baseline on the same synthetic pages, in the
 * same run and with the same number of threads: the baseline reads each file, parses it with jsoup
 * and adds the body text to a Lucene index, nothing else; the pipeline does everything {@code vigil
 * ingest} does (hashing, type detection, boilerplate removal, metadata, language, Chinese
 * normalisation, fingerprints, archive write, SQLite, clustering, three analysed fields).
 */
public final class IngestBenchmark {
  public static final double TARGET_RATIO = 0.6;

  private IngestBenchmark() {}

  /** One timed run. */
  public record Throughput(String name, int docs, long bytes, double seconds) {
    public double docsPerSecond() {
      return docs / seconds;
    }

    public double megabytesPerSecond() {
      return bytes / 1_048_576.0 / seconds;
    }
  }

  /**
   * @param ratio pipeline documents per second divided by the baseline's
   * @param clustersFound story clusters with more than one member after the pipeline run
   * @param syndicatedCopies how many generated pages copy another page's story
   * @param storiesWithCopies generated stories that appear on more than one page
   * @param storiesFullyClustered of those, stories whose pages all ended up in one cluster
   * @param pureClusters found clusters whose pages all carry one story
   * @param stageSeconds pipeline time per stage, summed over threads
   */
  public record Report(
      int docs,
      int threads,
      Throughput pipeline,
      Throughput baseline,
      double ratio,
      long sourcesStored,
      int clustersFound,
      long syndicatedCopies,
      int storiesWithCopies,
      int storiesFullyClustered,
      int pureClusters,
      java.util.Map<String, Double> stageSeconds) {
    public boolean targetMet() {
      return ratio >= TARGET_RATIO;
    }
  }

  public static Report run(int docs, Path workDir, PrintStream out) {
    return run(docs, Math.max(1, Runtime.getRuntime().availableProcessors()), workDir, out);
  }

  /**
   * @param threads worker threads for both runs
   */
  public static Report run(int docs, int threads, Path workDir, PrintStream out) {
    try {
      return runOrThrow(docs, threads, workDir, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Report runOrThrow(int docs, int threads, Path workDir, PrintStream out)
      throws IOException {
    Path corpus = workDir.resolve("corpus");
    out.printf(Locale.ROOT, "vigil bench ingest: %d documents, %d threads%n", docs, threads);
    java.util.Map<String, String> storyOf = new java.util.HashMap<>();
    long[] totals = writeCorpus(docs, corpus, storyOf);
    long bytes = totals[0];
    long syndicated = totals[1];
    out.printf(
        Locale.ROOT,
        "corpus: %.1f MB of HTML in %s (%d syndicated copies)%n",
        bytes / 1_048_576.0,
        corpus,
        syndicated);

    // warm both code paths up on a small corpus so neither run pays for JIT compilation alone
    int warm = Math.min(300, docs);
    Path warmCorpus = workDir.resolve("warm-corpus");
    writeCorpus(warm, warmCorpus, new java.util.HashMap<>());
    baseline(warmCorpus, workDir.resolve("warm-baseline-index"), threads, warm, 0);
    pipeline(warmCorpus, workDir.resolve("warm-data"), threads, warm, 0, new java.util.HashMap<>());

    Throughput base = baseline(corpus, workDir.resolve("baseline-index"), threads, docs, bytes);
    java.util.Map<String, Double> stages = new java.util.LinkedHashMap<>();
    Throughput full = pipeline(corpus, workDir.resolve("data"), threads, docs, bytes, stages);
    long stored;
    java.util.Map<String, List<org.vigil.records.SourceSummary>> found;
    java.util.Map<String, String> clusterOf = new java.util.HashMap<>();
    try (Vigil vigil = Vigil.open(new VigilConfig(workDir.resolve("data")))) {
      stored = vigil.sources().count();
      found = vigil.sources().duplicateClusters();
      vigil.sources().forEachSummary(x -> clusterOf.put(x.id(), x.clusterId()));
    }
    // quality of the clustering against the generator's truth
    java.util.Map<String, java.util.Set<String>> clustersOfStory = new java.util.HashMap<>();
    java.util.Map<String, Integer> pagesOfStory = new java.util.HashMap<>();
    storyOf.forEach(
        (id, story) -> {
          clustersOfStory
              .computeIfAbsent(story, k -> new java.util.HashSet<>())
              .add(clusterOf.get(id));
          pagesOfStory.merge(story, 1, Integer::sum);
        });
    int withCopies = 0;
    int fully = 0;
    for (var e : pagesOfStory.entrySet()) {
      if (e.getValue() > 1) {
        withCopies++;
        if (clustersOfStory.get(e.getKey()).size() == 1) {
          fully++;
        }
      }
    }
    int pure = 0;
    for (List<org.vigil.records.SourceSummary> members : found.values()) {
      if (members.stream().map(m -> storyOf.get(m.id())).distinct().count() == 1) {
        pure++;
      }
    }
    double ratio = full.docsPerSecond() / base.docsPerSecond();
    Report report =
        new Report(
            docs,
            threads,
            full,
            base,
            ratio,
            stored,
            found.size(),
            syndicated,
            withCopies,
            fully,
            pure,
            stages);
    print(report, out);
    return report;
  }

  static void print(Report r, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%-26s %10s %10s %10s%n", "run", "docs/s", "MB/s", "seconds");
    for (Throughput t : List.of(r.baseline(), r.pipeline())) {
      out.printf(
          Locale.ROOT,
          "%-26s %10.1f %10.2f %10.2f%n",
          t.name(),
          t.docsPerSecond(),
          t.megabytesPerSecond(),
          t.seconds());
    }
    out.printf(
        Locale.ROOT,
        "ratio pipeline/baseline: %.2f (target ≥ %.1f: %s)%n",
        r.ratio(),
        TARGET_RATIO,
        r.targetMet() ? "met" : "NOT met");
    double total = r.stageSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
    out.println("pipeline time by stage (summed over threads):");
    r.stageSeconds()
        .forEach(
            (stage, sec) ->
                out.printf(
                    Locale.ROOT,
                    "  %-12s %8.2f s %5.1f%%  %6.2f ms/doc%n",
                    stage,
                    sec,
                    total == 0 ? 0 : 100 * sec / total,
                    1000 * sec / r.docs()));
    out.printf(
        Locale.ROOT,
        "stored %d sources; corpus has %d syndicated copies of %d stories%n",
        r.sourcesStored(),
        r.syndicatedCopies(),
        r.storiesWithCopies());
    out.printf(
        Locale.ROOT,
        "duplicates: %d of %d stories fully clustered (recall %.3f); %d of %d clusters pure (precision %.3f)%n",
        r.storiesFullyClustered(),
        r.storiesWithCopies(),
        r.storiesWithCopies() == 0
            ? 1.0
            : (double) r.storiesFullyClustered() / r.storiesWithCopies(),
        r.pureClusters(),
        r.clustersFound(),
        r.clustersFound() == 0 ? 1.0 : (double) r.pureClusters() / r.clustersFound());
    out.flush();
  }

  /** Writes the pages as files; returns {total bytes, syndicated copies}. */
  private static long[] writeCorpus(int docs, Path dir, java.util.Map<String, String> storyOf)
      throws IOException {
    Files.createDirectories(dir);
    long bytes = 0;
    long syndicated = 0;
    Iterator<SyntheticCorpus.Article> it = SyntheticCorpus.iterator(docs, 42);
    int i = 0;
    while (it.hasNext()) {
      SyntheticCorpus.Article a = it.next();
      byte[] html = a.html().getBytes(StandardCharsets.UTF_8);
      Files.write(dir.resolve(String.format(Locale.ROOT, "%07d.html", i++)), html);
      bytes += html.length;
      storyOf.put(org.vigil.core.ContentHash.of(html).sourceId(), a.storyId());
      if (a.syndicated()) {
        syndicated++;
      }
    }
    return new long[] {bytes, syndicated};
  }

  private static Throughput pipeline(
      Path corpus,
      Path data,
      int threads,
      int docs,
      long bytes,
      java.util.Map<String, Double> stages) {
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      IngestOptions options =
          new IngestOptions(IngestOptions.defaults().maxBytes(), false, threads);
      long start = System.nanoTime();
      IngestService service = vigil.ingest();
      IngestSummary s =
          service.ingest(List.of(corpus.toString()), options, new IngestService.Listener() {});
      stages.putAll(service.stageSeconds());
      double seconds = (System.nanoTime() - start) / 1e9;
      if (s.failed() > 0) {
        throw new IllegalStateException(
            "benchmark corpus must ingest cleanly, but: " + s.failures().get(0));
      }
      return new Throughput("full pipeline", docs, bytes, seconds);
    }
  }

  private static Throughput baseline(Path corpus, Path indexDir, int threads, int docs, long bytes)
      throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.sorted().toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      List<Future<?>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(
            pool.submit(
                () -> {
                  String html = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                  String text = Jsoup.parse(html).body().text();
                  Document d = new Document();
                  d.add(new StringField("id", f.getFileName().toString(), Field.Store.YES));
                  d.add(new TextField("body", text, Field.Store.NO));
                  writer.addDocument(d);
                  return null;
                }));
      }
      for (Future<?> fu : futures) {
        fu.get();
      }
      writer.commit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("baseline failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Throughput(
        "baseline (jsoup + Lucene)", docs, bytes, (System.nanoTime() - start) / 1e9);
  }
}
