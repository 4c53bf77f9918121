package org.vigil.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.vigil.bench.IngestBenchmark;
import org.vigil.bench.SearchBenchmark;
import org.vigil.bench.WebBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    description =
        "Benchmarks that print measured figures beside a baseline (see docs/performance.md).",
    subcommands = {BenchCommand.Ingest.class, BenchCommand.Search.class, BenchCommand.Web.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options both benchmarks share. */
  static final class WorkOptions {
    @Option(
        names = "--work",
        paramLabel = "DIR",
        description = "Scratch folder (default: a temporary folder, deleted afterwards).")
    @Nullable Path work;

    <T> T withWorkDir(java.util.function.Function<Path, T> body) {
      try {
        Path dir =
            work != null ? Files.createDirectories(work) : Files.createTempDirectory("vigil-bench");
        try {
          return body.apply(dir);
        } finally {
          if (work == null) {
            deleteTree(dir);
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Command(
      name = "ingest",
      description = "Full capture pipeline vs a jsoup + Lucene baseline on synthetic pages.")
  static final class Ingest implements Callable<Integer> {
    @Option(
        names = "--docs",
        paramLabel = "N",
        defaultValue = "5000",
        description = "Documents (default 5000).")
    int docs;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "Worker threads for both runs (default: cores).")
    @Nullable Integer threads;

    @picocli.CommandLine.Mixin WorkOptions work = new WorkOptions();

    @Override
    public Integer call() {
      if (docs <= 0) {
        throw org.vigil.core.VigilException.invalid("docs", "--docs must be positive");
      }
      PrintStream out = System.out;
      int n = threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
      work.withWorkDir(dir -> IngestBenchmark.run(docs, n, dir, out));
      return 0;
    }
  }

  @Command(
      name = "search",
      description = "Query latency percentiles over an index of N synthetic sources.")
  static final class Search implements Callable<Integer> {
    @Option(
        names = "--docs",
        paramLabel = "N",
        defaultValue = "100000",
        description = "Sources (default 100000; the target is stated for 1000000).")
    int docs;

    @picocli.CommandLine.Mixin WorkOptions work = new WorkOptions();

    @Override
    public Integer call() {
      if (docs <= 0) {
        throw org.vigil.core.VigilException.invalid("docs", "--docs must be positive");
      }
      work.withWorkDir(dir -> SearchBenchmark.run(docs, dir, System.out));
      return 0;
    }
  }

  @Command(
      name = "web",
      description =
          "p95 of the main pages and API calls under concurrent load from a second process.")
  static final class Web implements Callable<Integer> {
    @Option(
        names = "--sources",
        paramLabel = "N",
        defaultValue = "100000",
        description = "Synthetic sources to load (default 100000).")
    int sources;

    @Option(
        names = "--claims",
        paramLabel = "M",
        defaultValue = "10000",
        description = "About this many claims, made by accepting proposals (default 10000).")
    int claims;

    @Option(
        names = "--concurrency",
        paramLabel = "C",
        defaultValue = "8",
        description = "Client threads (default 8).")
    int concurrency;

    @Option(
        names = "--requests",
        paramLabel = "R",
        defaultValue = "4000",
        description = "At most this many measured requests (default 4000).")
    int requests;

    @Option(
        names = "--seconds",
        paramLabel = "T",
        defaultValue = "60",
        description = "At most this many seconds of measured load (default 60).")
    int seconds;

    @Option(
        names = "--work",
        paramLabel = "DIR",
        defaultValue = "target/bench-web",
        description =
            "Where the loaded data is kept and reused by later runs with the same sizes"
                + " (default target/bench-web).")
    Path work;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      Map<String, Integer> positive =
          new java.util.LinkedHashMap<>(
              Map.of(
                  "sources", sources,
                  "concurrency", concurrency,
                  "requests", requests,
                  "seconds", seconds));
      for (var e : positive.entrySet()) {
        if (e.getValue() <= 0) {
          throw org.vigil.core.VigilException.invalid(
              e.getKey(), "--" + e.getKey() + " must be positive");
        }
      }
      if (claims < 0) {
        throw org.vigil.core.VigilException.invalid("claims", "--claims must not be negative");
      }
      // with --json the progress goes to standard error so standard output is one JSON object
      PrintStream progress = json ? System.err : System.out;
      WebBenchmark.Report report =
          WebBenchmark.run(
              new WebBenchmark.Settings(sources, claims, concurrency, requests, seconds),
              work,
              progress);
      if (json) {
        PrintWriter out = spec.commandLine().getOut();
        Json.line(out, report);
      } else {
        WebBenchmark.print(report, System.out);
      }
      return 0;
    }

    @Spec CommandSpec spec;
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
              });
    } catch (IOException e) {
      // best effort: a leftover temporary folder is harmless
    }
  }
}
