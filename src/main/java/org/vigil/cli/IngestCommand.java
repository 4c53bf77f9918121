package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.IngestSummary;
import org.vigil.ingest.ItemResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "ingest",
    description = {
      "Capture files, folders (recursively), WARC files and http(s) URLs.",
      "Exit status: 0 when every item was captured or unchanged, 1 when any item failed."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "PATH|URL", arity = "1..*", description = "What to capture.")
  List<String> inputs;

  @Option(
      names = "--max-size",
      paramLabel = "SIZE",
      defaultValue = "100MB",
      converter = SizeConverter.class,
      description = "Refuse originals larger than this (e.g. 500KB, 100MB, 2GB; default 100MB).")
  long maxSize;

  @Option(
      names = "--allow-private-network",
      description =
          "Let URLs reach loopback, private and link-local addresses (refused by default).")
  boolean allowPrivateNetwork;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Items extracted at once (default: cores).")
  @Nullable Integer threads;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IngestOptions defaults = IngestOptions.defaults();
    IngestOptions options =
        new IngestOptions(
            maxSize, allowPrivateNetwork, threads == null ? defaults.threads() : threads);
    try (Vigil vigil = common.open();
        Progress progress = Progress.start(!common.json && System.console() != null)) {
      IngestSummary summary =
          vigil
              .ingest()
              .ingest(
                  inputs,
                  options,
                  new IngestService.Listener() {
                    @Override
                    public void started(int units) {
                      progress.max(units);
                    }

                    @Override
                    public void unitDone() {
                      progress.step();
                    }

                    @Override
                    public void item(ItemResult r) {
                      if (common.json) {
                        synchronized (out) {
                          Json.line(out, Views.IngestItemView.of(r));
                        }
                      }
                    }
                  });
      progress.close();
      if (!common.json) {
        printSummary(out, summary);
      }
      return summary.failed() == 0 ? 0 : 1;
    }
  }

  static void printSummary(PrintWriter out, IngestSummary s) {
    out.printf(
        "captured %d, unchanged %d, duplicates %d, failed %d%n",
        s.captured(), s.unchanged(), s.duplicates(), s.failed());
    for (ItemResult f : s.failures()) {
      String where = f.url() == null ? f.input() : f.input() + " (" + f.url() + ")";
      out.printf("  failed: %s: %s [%s]%n", where, f.error().message(), f.error().code().code());
    }
    out.flush();
  }

  /** A progress bar on the terminal, or nothing when output is not a terminal. */
  static final class Progress implements AutoCloseable {
    private final boolean enabled;
    private @Nullable ProgressBar bar;

    private Progress(boolean enabled) {
      this.enabled = enabled;
    }

    static Progress start(boolean enabled) {
      return new Progress(enabled);
    }

    synchronized void max(int units) {
      if (enabled && bar == null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("Capturing")
                .setInitialMax(units)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .build();
      }
    }

    synchronized void step() {
      if (bar != null) {
        bar.step();
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
