package org.vigil.bench;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.vigil.core.Checks;
import org.vigil.search.IndexedSource;
import org.vigil.search.SearchQuery;
import org.vigil.search.SourceIndex;

/**
 * Builds a {@link SourceIndex} of synthetic sources and measures search latency over a fixed,
 * seeded mix of queries: English terms and phrases, Chinese words and phrases, traditional-script
 * queries, and queries filtered by language, date or publisher. Each search asks for 10 hits with
 * snippets and all facets, as the web page does.
 *
 * <p>Run: {@code java -Xmx1g -cp ... org.vigil.bench.SearchBenchmark 200000 /tmp/bench}
 */
public final class SearchBenchmark {
  /** The target: p99 of the whole mix at this many sources. */
  public static final int TARGET_SOURCES = 1_000_000;

  public static final double TARGET_P99_MS = 50;
  static final long SEED = 20_240_601L;
  static final int WARM_UP = 200;
  static final int MEASURED = 1_200;
  private static final int THREADS =
      Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  private static final double RAM_BUFFER_MB = 256;
  private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

  /**
   * Latency of one kind of query in milliseconds, and how many sources it matched on average.
   * {@code cpu*} is the searching thread's CPU time: on a shared machine wall time also counts the
   * time the thread waited for a core, CPU time does not.
   */
  public record Latency(
      int queries,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs,
      double cpuP50Ms,
      double cpuP99Ms,
      double meanTotal) {}

  /**
   * What one run measured.
   *
   * @param heapUsedBytes heap in use after indexing and a GC, with the index open
   * @param latencies by kind of query, in a fixed order
   */
  public record Report(
      int docs,
      long indexed,
      double buildSeconds,
      double docsPerSecond,
      long indexBytes,
      long heapUsedBytes,
      Map<String, Latency> latencies,
      Latency overall) {
    public Report {
      latencies = Map.copyOf(latencies);
    }

    /** p99 of the whole mix is within {@link #TARGET_P99_MS} at this size. */
    public boolean p99WithinTarget() {
      return overall.p99Ms() <= TARGET_P99_MS;
    }

    /** The target holds: measured at {@link #TARGET_SOURCES} or more, and within it. */
    public boolean targetMet() {
      return docs >= TARGET_SOURCES && p99WithinTarget();
    }
  }

  private SearchBenchmark() {}

  public static void main(String[] args) {
    int docs = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 20_000;
    Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
    run(docs, dir, System.out);
  }

  /**
   * Builds an index of {@code docs} synthetic sources in a new folder under {@code workDir}, then
   * measures searches.
   */
  public static Report run(int docs, Path workDir, PrintStream out) {
    Checks.positive(docs, "docs");
    Path dir;
    try {
      Files.createDirectories(workDir);
      dir = Files.createTempDirectory(workDir, "search-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf(
        "search benchmark: %,d synthetic sources, %d indexing threads, heap max %d MB, index %s%n",
        docs, THREADS, Runtime.getRuntime().maxMemory() >> 20, dir);
    try (SourceIndex index = SourceIndex.open(dir, RAM_BUFFER_MB)) {
      long start = System.nanoTime();
      build(index, docs, out);
      index.commit();
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      long indexed = index.count();
      long indexBytes = sizeOf(dir);
      long heap = heapUsedAfterGc();
      out.printf(
          "built: %,d sources in %.1f s = %,.0f docs/s (generation included); index %,.1f MB; heap used %,.0f MB%n",
          indexed, buildSeconds, indexed / buildSeconds, indexBytes / 1e6, heap / 1e6);

      Map<String, List<SearchQuery>> mix = queryMix();
      List<String> kinds = List.copyOf(mix.keySet());
      SplittableRandom r = new SplittableRandom(SEED);
      for (int i = 0; i < WARM_UP; i++) {
        List<SearchQuery> qs = mix.get(kinds.get(i % kinds.size()));
        index.search(qs.get(r.nextInt(qs.size())));
      }
      Map<String, List<long[]>> samples = new LinkedHashMap<>();
      kinds.forEach(k -> samples.put(k, new ArrayList<>()));
      for (int i = 0; i < MEASURED; i++) {
        String kind = kinds.get(i % kinds.size());
        List<SearchQuery> qs = mix.get(kind);
        SearchQuery q = qs.get(r.nextInt(qs.size()));
        long cpu = THREAD_CPU.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        long total = index.search(q).total();
        long wall = System.nanoTime() - t;
        samples.get(kind).add(new long[] {wall, total, THREAD_CPU.getCurrentThreadCpuTime() - cpu});
      }
      Map<String, Latency> latencies = new LinkedHashMap<>();
      List<long[]> all = new ArrayList<>();
      out.printf(
          "load average before searching: %.2f on %d cores%n",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      out.printf(
          "%-18s %7s %9s %9s %9s %9s %11s %11s %12s%n",
          "query kind",
          "queries",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "cpu p50 ms",
          "cpu p99 ms",
          "mean total");
      samples.forEach(
          (kind, s) -> {
            Latency l = latency(s);
            latencies.put(kind, l);
            all.addAll(s);
            print(out, kind, l);
          });
      Latency overall = latency(all);
      print(out, "overall", overall);
      Report report =
          new Report(
              docs,
              indexed,
              buildSeconds,
              indexed / buildSeconds,
              indexBytes,
              heap,
              latencies,
              overall);
      out.printf(
          "target p99 ≤ 50 ms at 1,000,000 sources: %s%n",
          docs >= TARGET_SOURCES
              ? (report.targetMet() ? "MET" : "NOT MET")
                  + String.format(" (p99 %.1f ms)", overall.p99Ms())
              : String.format(
                  "not measured at this size; p99 %.1f ms at %,d sources is %s 50 ms",
                  overall.p99Ms(), docs, report.p99WithinTarget() ? "within" : "over"));
      out.printf("(searching thread's CPU time: p99 %.1f ms)%n", overall.cpuP99Ms());
      return report;
    }
  }

  private static void build(SourceIndex index, int docs, PrintStream out) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    int step = Math.max(1, docs / 10);
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread thread =
          new Thread(
              () -> {
                Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
                try {
                  for (int i = next.getAndIncrement();
                      i < docs && failure.get() == null;
                      i = next.getAndIncrement()) {
                    index.upsert(source(SyntheticCorpus.article(SEED, i), toSimplified));
                    int n = done.incrementAndGet();
                    if (n % step == 0) {
                      out.printf("  indexed %,d (%.0f s)%n", n, (System.nanoTime() - start) / 1e9);
                    }
                  }
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                }
              },
              "bench-indexer-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** What ingest would hand the index: the article text, simplified for Chinese matching. */
  static IndexedSource source(SyntheticCorpus.Article a, Transliterator toSimplified) {
    String normalized =
        a.language().equals("zh-Hant") ? toSimplified.transliterate(a.body()) : a.body();
    return new IndexedSource(
        a.id(),
        a.title(),
        a.body(),
        normalized,
        a.language(),
        new IndexedSource.SourceFacets(a.publisher(), a.published(), a.storyId()));
  }

  /** Kind → queries; fixed so that runs compare. */
  static Map<String, List<SearchQuery>> queryMix() {
    Map<String, List<SearchQuery>> mix = new LinkedHashMap<>();
    mix.put(
        "english-terms",
        plain(
            "station",
            "bureau",
            "association investigation",
            "rotterdam",
            "dissidents",
            "surveillance students",
            "embassy groundless",
            "licence renewals",
            "fujianese",
            "agents foreign government",
            "qingtian",
            "premises closed",
            "investig*",
            "budapest | prague"));
    mix.put(
        "english-phrases",
        plain(
            "\"police service station\"",
            "\"overseas police\"",
            "\"hometown association\"",
            "\"transnational repression\"",
            "\"public security bureau\"",
            "\"persuade to return\"",
            "\"chamber of commerce\" rotterdam",
            "\"community centre\" -milan"));
    mix.put(
        "chinese-words",
        plain(
            "警务", "服务站", "同乡会", "公安局", "调查", "海外", "侨团", "鹿特丹", "劝返", "异见人士", "统战部", "留学生 监控",
            "服务站 -米兰"));
    mix.put(
        "chinese-phrases",
        plain(
            "\"海外警务服务站\"",
            "\"福州市公安局\"",
            "\"跨国镇压\"",
            "\"青田同乡会\"",
            "\"驾照更新\"",
            "\"外国政府代理人\"",
            "\"社区中心\""));
    mix.put(
        "traditional",
        plain("海外警務服務站", "同鄉會", "調查", "僑團", "\"福州市公安局\"", "勸返", "跨國鎮壓", "統戰部", "\"海外警務服務站\""));
    List<SearchQuery> filtered = new ArrayList<>();
    List<SyntheticCorpus.Publisher> publishers = SyntheticCorpus.publishers();
    String[] en = {"station", "investigation", "\"police service station\"", "embassy"};
    String[] zh = {"服务站", "调查", "\"海外警务服务站\"", "同乡会"};
    for (int i = 0; i < 4; i++) {
      int year = 2018 + i * 2;
      filtered.add(new SearchQuery(en[i], "en", null, null, null, 10));
      filtered.add(new SearchQuery(zh[i], "zh", null, null, null, 10));
      filtered.add(new SearchQuery(zh[i], "zh-Hant", null, null, null, 10));
      filtered.add(
          new SearchQuery(
              en[i], null, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 10));
      filtered.add(
          new SearchQuery(
              zh[i], null, null, LocalDate.of(year, 3, 1), LocalDate.of(year, 5, 31), 10));
      filtered.add(new SearchQuery(en[i], null, publishers.get(i).name(), null, null, 10));
      filtered.add(
          new SearchQuery(
              zh[i], "zh", publishers.get(15 + i).name(), LocalDate.of(year, 1, 1), null, 10));
    }
    mix.put("filtered", List.copyOf(filtered));
    return mix;
  }

  private static List<SearchQuery> plain(String... texts) {
    return Stream.of(texts).map(SearchQuery::of).toList();
  }

  static Latency latency(List<long[]> samples) {
    long[] nanos = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
    long[] cpu = samples.stream().mapToLong(s -> s.length > 2 ? s[2] : s[0]).sorted().toArray();
    double meanTotal = samples.stream().mapToLong(s -> s[1]).average().orElse(0);
    return new Latency(
        nanos.length,
        percentile(nanos, 50),
        percentile(nanos, 95),
        percentile(nanos, 99),
        nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6,
        percentile(cpu, 50),
        percentile(cpu, 99),
        meanTotal);
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  private static void print(PrintStream out, String kind, Latency l) {
    out.printf(
        "%-18s %7d %9.2f %9.2f %9.2f %9.2f %11.2f %11.2f %,12.0f%n",
        kind,
        l.queries(),
        l.p50Ms(),
        l.p95Ms(),
        l.p99Ms(),
        l.maxMs(),
        l.cpuP50Ms(),
        l.cpuP99Ms(),
        l.meanTotal());
  }

  private static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0; // a file merged away while listing
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long heapUsedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
